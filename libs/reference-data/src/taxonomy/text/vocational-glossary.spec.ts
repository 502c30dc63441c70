import { foldLabel } from './fold';
import { glossaryTerms } from './vocational-glossary';

const english = (text: string) => glossaryTerms(text, foldLabel(text)).map((term) => term.english);

describe('vocational glossary', () => {
  it('translates words of the trade ESCO has no German skill label for, compounds included', () => {
    expect(english('Ersthelfer-Ausbildung für das Lager')).toEqual(['warehouse', 'first aid']);
    expect(english('Staplerschein und Ladungssicherung')).toEqual(['forklift', 'secure cargo', 'secure goods']);
    expect(english('Schulung für den Hallenkran')).toEqual(['crane']);
  });

  it('matches whole words only and abbreviations only as written in capitals', () => {
    expect(english('Krankenhaushygiene')).toEqual(['hygiene in a health care setting']);
    expect(english('Er mag keine Wig')).toEqual([]);
    expect(english('Einführung und Durchführung')).toEqual([]);
    expect(english('Mitarbeiterführung für Führungskräfte')).toEqual(['lead a team', 'manage staff']);
    expect(english('MAG-Schweißen und SPS')).toEqual(['metal active gas welding', 'programmable logic controller', 'welding']);
  });
});
