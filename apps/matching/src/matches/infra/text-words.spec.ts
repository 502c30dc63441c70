import { MIN_TEXT_ONLY_RELEVANCE, textRelevance } from '../domain/text-relevance';
import { germanStem, needWords, offerWords } from './text-words';

const relevance = (need: string, offer: { title: string; description: string }) => textRelevance(needWords(need), offerWords(offer));

describe('text relevance between a need and an offer', () => {
  it('stems one inflection ending and keeps four letters', () => {
    expect(['anschlagen', 'Kranen', 'module', 'bedienung', 'kurs'].map((word) => germanStem(word.toLowerCase()))).toEqual(['anschlag', 'kran', 'modul', 'bedienung', 'kurs']);
  });

  it('meets a compound by its head, never by its first part alone', () => {
    const crane = { title: 'Kranführer und Anschläger (Hallenkran)', description: 'Bedienung von Hallen- und Brückenkranen, Lastaufnahme, Anschlagmittel, Sicherheit.' };
    const ceilings = { title: 'Deckenverkleidung montieren', description: 'Abgehängte Decken und Trockenbau.' };
    const need = 'Leute im Stahllager müssen Deckenkran/Laufkatze bedienen und Lasten anschlagen';
    expect(relevance(need, crane).value).toBeGreaterThan(0.6);
    expect(relevance(need, crane).matched).toContain('Deckenkran');
    expect(relevance(need, ceilings).value).toBe(0);
    expect(relevance('Unterhaltsreinigung für neue Kräfte', { title: 'Reinigungstechnik in der Gebäudereinigung', description: '' }).value).toBe(0.8);
    expect(relevance('Ware auf dem LKW verzurren', { title: 'Ladungssicherung', description: 'Zurrmittel, Verantwortung von Verlader und Fahrer.' }).matched).toEqual(['verzurren']);
  });

  it('lets no generic head or verb carry a subject ("-maschinen", "einrichten")', () => {
    const need = 'Vier Maschinenbediener sollen Spritzgießmaschinen selbst einrichten und Werkzeuge wechseln können (Kunststoff- und Kautschuktechnik).';
    const milling = { title: 'CNC-Fräsen Grundkurs (Heidenhain TNC)', description: 'Zeichnungen lesen, Werkzeuge auswählen, Fräsmaschinen einrichten und Programme nach DIN 66025 erstellen.' };
    const moulding = { title: 'Spritzgießmaschinen einrichten und bedienen', description: 'Werkzeugwechsel, Prozessparameter, Kunststoffe.' };
    expect(relevance(need, milling).value).toBeLessThan(MIN_TEXT_ONLY_RELEVANCE);
    expect(relevance(need, milling).matched).toEqual(['Werkzeuge']);
    expect(relevance(need, moulding).value).toBeGreaterThanOrEqual(0.5);
    expect(relevance(need, moulding).matched).toContain('Spritzgießmaschinen');
  });

  it('reads listed trade abbreviations by their spelled-out words and drops request words', () => {
    const heatPump = { title: 'Wärmepumpen: Einbau und Inbetriebnahme', description: 'Wärmepumpenarten, Auslegung, Service.' };
    expect(relevance('Umstieg auf WP', heatPump).value).toBeGreaterThanOrEqual(0.5);
    expect(needWords('8 MA brauchen den Lehrgang (9 UE)').map((word) => word.written)).toEqual([]);
  });

  it('reads a listed product or platform by its subject too', () => {
    const socialMedia = { title: 'Social-Media-Marketing für KMU', description: 'Strategie, Redaktionsplan, Kampagnen.' };
    expect(relevance('Wir wollen mehr auf Facebook posten', socialMedia).matched).toEqual(['Facebook']);
    expect(needWords('Wir wollen mehr auf Facebook posten').map((word) => word.written)).toEqual(['Facebook', 'posten']);
  });

  it('prefers the course whose title names what was asked over the general one', () => {
    const need = 'Berufsrückkehrerin soll die Fibu übernehmen, gern mit DATEV-Kenntnissen';
    const datev = relevance(need, { title: 'Finanzbuchhaltung mit DATEV', description: 'Buchungssätze, Kontenrahmen, Belegbuchung mit DATEV.' });
    const general = relevance(need, { title: 'Buchführung Grundlagen', description: 'Buchungssätze, Kontenrahmen, Belegbuchung mit DATEV.' });
    expect(datev.value).toBeGreaterThan(general.value);
  });
});
