import { vocationalAbbreviation } from './vocational-abbreviations';

/**
 * German words of further training → the English words ESCO uses for them.
 *
 * ESCO has German labels for every occupation but for only about a sixth of its skills, so many
 * words companies write ("Ersthelfer", "Ladungssicherung", "Elektrofachkraft", "SPS") meet no
 * German skill label, and no occupation either. This glossary translates such words (and the
 * common abbreviations of the trade) into English search words; the resolver then searches the
 * English labels with them, like any other word, and keeps the glossary entry as evidence.
 *
 * Patterns run over the folded text (see `foldLabel`: lower case, ä → ae, ß → ss, punctuation →
 * space) and match whole words; compounds are spelled out ("kran" as a word or "Hallenkran",
 * not inside "Krankenhaus"). Keep entries to words of the trade, never to one need's wording.
 */
export interface GlossaryEntry {
  pattern: RegExp;
  english: readonly string[];
}

const word = (source: string): RegExp => new RegExp(`(?:^| )(${source})(?= |$)`, 'g');

export const VOCATIONAL_GLOSSARY: readonly GlossaryEntry[] = [
  // Logistics and transport
  { pattern: word('\\w*stapler\\w*|flurfoerderzeug\\w*'), english: ['forklift'] },
  // Any compound with crane as its head (Hallen-, Decken-, Brücken-, Turmdrehkran), not "Krankenhaus".
  { pattern: word('\\w*kran(?:e|en|fuehrer\\w*|schein\\w*|bedien\\w*)?'), english: ['crane'] },
  { pattern: word('ladungssicherung\\w*|ladung sichern'), english: ['secure cargo', 'secure goods'] },
  { pattern: word('kommissionier\\w*'), english: ['picking'] },
  { pattern: word('lager(?:logistik|wirtschaft|verwaltung|haltung)?'), english: ['warehouse'] },
  { pattern: word('berufskraftfahrer\\w*|bkrfqg|lkw\\w*'), english: ['truck'] },
  { pattern: word('hubarbeitsbuehne\\w*|hebebuehne\\w*'), english: ['aerial work platform'] },
  { pattern: word('gefahrgut\\w*'), english: ['dangerous goods'] },
  { pattern: word('zoll\\w*'), english: ['customs'] },
  // Metal, machines, electrics, energy
  { pattern: word('\\w*schweiss\\w*'), english: ['welding'] },
  { pattern: word('e hand|elektrodenschweiss\\w*|lichtbogenhandschweiss\\w*'), english: ['arc welding'] },
  { pattern: word('\\w*fraes\\w*'), english: ['milling'] },
  { pattern: word('cnc drehen|drehmaschine\\w*|dreher\\w*'), english: ['lathe'] },
  { pattern: word('hydraulik\\w*'), english: ['hydraulic'] },
  { pattern: word('pneumatik\\w*'), english: ['pneumatic'] },
  { pattern: word('speicherprogrammierbar\\w*'), english: ['programmable logic controller'] },
  { pattern: word('elektrofachkraft\\w*|elektrosicherheit|efkft|eup|elektrotechnisch unterwiesen\\w*'), english: ['electrical safety'] },
  { pattern: word('instandhaltung|instandhalter\\w*|wartung'), english: ['maintenance'] },
  { pattern: word('photovoltaik\\w*|pv anlage\\w*|solaranlage\\w*'), english: ['photovoltaic'] },
  { pattern: word('waermepumpe\\w*'), english: ['heat pump'] },
  { pattern: word('cad|konstruktion|inventor|solidworks|autocad'), english: ['CAD software'] },
  { pattern: word('motorsaege\\w*|kettensaege\\w*'), english: ['chainsaw'] },
  { pattern: word('bagger\\w*|erdbau\\w*'), english: ['excavator'] },
  // Health, care, hygiene, safety
  { pattern: word('erste hilfe|ersthelfer\\w*'), english: ['first aid'] },
  { pattern: word('pflegehelfer\\w*|pflegehilfe\\w*|pflegebasis\\w*|grundpflege|altenpflege\\w*'), english: ['nursing', 'elderly'] },
  { pattern: word('betreuungskraft|betreuungskraefte|alltagsbegleit\\w*|43b'), english: ['elderly', 'dementia'] },
  { pattern: word('demenz\\w*'), english: ['dementia'] },
  { pattern: word('krankenhaushygiene|haendedesinfektion|infektionsschutz|hygiene in pflege\\w*'), english: ['hygiene in a health care setting'] },
  { pattern: word('lebensmittelhygiene|haccp|lmhv|lebensmittelsicherheit'), english: ['food safety and hygiene', 'food hygiene'] },
  { pattern: word('hygiene\\w*'), english: ['hygiene'] },
  { pattern: word('arbeitsschutz\\w*|arbeitssicherheit|sicherheitsbeauftragte\\w*|gefaehrdungsbeurteilung\\w*'), english: ['health and safety'] },
  { pattern: word('brandschutz\\w*'), english: ['fire safety'] },
  { pattern: word('eingliederungsmanagement'), english: ['vocational rehabilitation', 'return to work'] },
  // Office, business, IT
  { pattern: word('\\w*buchhaltung|\\w*buchfuehrung|fibu|bilanz\\w*'), english: ['accounting', 'bookkeeping'] },
  { pattern: word('datev|lexware'), english: ['accounting systems'] },
  { pattern: word('lohnbuchhaltung|lohnabrechnung|entgeltabrechnung'), english: ['payroll'] },
  { pattern: word('steuerrecht\\w*'), english: ['tax legislation'] },
  { pattern: word('excel'), english: ['spreadsheets'] },
  { pattern: word('warenwirtschaft\\w*|materialwirtschaft'), english: ['enterprise resource planning'] },
  { pattern: word('kundenservice|kundendienst|kundenbetreuung|kundenkommunikation'), english: ['customer service'] },
  { pattern: word('verkauf\\w*|vertrieb\\w*'), english: ['sales'] },
  { pattern: word('cybersecurity|cyber security|it sicherheit|informationssicherheit|ethical hacking'), english: ['cyber security', 'information security'] },
  { pattern: word('datenschutz\\w*|dsgvo'), english: ['data protection'] },
  { pattern: word('azure|aws|cloud'), english: ['cloud technologies'] },
  { pattern: word('netzwerk\\w*'), english: ['network'] },
  { pattern: word('qualitaetsmanagement'), english: ['quality management'] },
  { pattern: word('zeitmanagement'), english: ['time management'] },
  { pattern: word('scrum|agil\\w*'), english: ['agile'] },
  // Leading people, training, languages
  // Spelled out: "Einführung", "Ausführung", "Durchführung" are not about leading people.
  { pattern: word('(?:mitarbeiter|personal|team|menschen)?fuehrung|fuehrungs\\w*|teamleit\\w*|vorarbeiter\\w*'), english: ['lead a team', 'manage staff'] },
  { pattern: word('ausbildereignung|ausbilder\\w*'), english: ['coach employees'] },
  { pattern: word('business english|englisch\\w*'), english: ['English'] },
  { pattern: word('reinigungstechnik|gebaeudereinigung|\\w*reinigung'), english: ['cleaning'] },
];

/**
 * Abbreviations of the trade, matched as written in capitals only ("MAG", not the verb "mag"):
 * welding processes, controllers, return-to-work management, driver training, quality, funding.
 */
export const VOCATIONAL_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  MAG: ['metal active gas welding'],
  MIG: ['metal inert gas welding'],
  WIG: ['tungsten inert gas welding'],
  TIG: ['tungsten inert gas welding'],
  SPS: ['programmable logic controller'],
  BEM: ['vocational rehabilitation', 'return to work'],
  BKF: ['truck'],
  ADR: ['dangerous goods'],
  PV: ['photovoltaic'],
  QM: ['quality management'],
  ERP: ['enterprise resource planning'],
  AEVO: ['coach employees'],
  EFKfT: ['electrical safety'],
};

/** Glossary words found in a text: the word as folded and the English search words it stands for. */
export function glossaryTerms(text: string, foldedText: string): Array<{ found: string; english: string }> {
  const terms: Array<{ found: string; english: string }> = [];
  const seen = new Set<string>();
  for (const written of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    for (const english of VOCATIONAL_ABBREVIATIONS[written] ?? vocationalAbbreviation(written)?.english ?? []) {
      if (!seen.has(english)) terms.push({ found: written, english });
      seen.add(english);
    }
  }
  for (const entry of VOCATIONAL_GLOSSARY) {
    for (const match of foldedText.matchAll(entry.pattern)) {
      const found = match[1] ?? '';
      for (const english of entry.english) {
        if (seen.has(english)) continue;
        seen.add(english);
        terms.push({ found, english });
      }
    }
  }
  return terms;
}
