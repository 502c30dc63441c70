/**
 * Common abbreviations of German vocational training and occupational safety, spelled out.
 *
 * A general reference list, not one evaluation set's vocabulary: the abbreviations that appear in
 * course catalogues (KURSNET, chambers, DGUV, BA) and in what companies write to a Bildungscoach.
 * `german` is the usual long form (it is compared with offer titles and descriptions, which spell
 * things out); `english` the words ESCO's English labels use for the subject, where there is a
 * clear one. `request: true` marks abbreviations about who, how long or for whom (UE, MA, Lj.),
 * which never name a skill. Sources: DGUV Vorschriften und Grundsätze (FFZ, EFKffT, EuP, SiBe,
 * PSAgA), ASiG (SiFa), BKrFQG (BKF, Schlüsselzahl 95), AEVO, SGB IX § 167 (BEM), DeuFöV (BAMF),
 * LMHV/HACCP (Lebensmittelhygiene), common usage in the trades (SHK, WP, PV, MSR, SPS, CNC).
 */
export interface VocationalAbbreviation {
  /** Spellings as written (matched exactly, case included: "WP", not the word "wp"). */
  written: readonly string[];
  german: string;
  english?: readonly string[];
  request?: true;
}

export const VOCATIONAL_ABBREVIATION_LIST: readonly VocationalAbbreviation[] = [
  // Logistics and transport
  { written: ['FFZ', 'Ffz'], german: 'Flurförderzeug Stapler', english: ['forklift'] },
  { written: ['BKF'], german: 'Berufskraftfahrer', english: ['truck'] },
  { written: ['BKrFQG'], german: 'Berufskraftfahrer Weiterbildung', english: ['truck'] },
  { written: ['Lkw', 'LKW'], german: 'Lastkraftwagen', english: ['truck'] },
  { written: ['Kfz', 'KFZ'], german: 'Kraftfahrzeug' },
  { written: ['ADR', 'GGVSEB'], german: 'Gefahrgut', english: ['dangerous goods'] },
  { written: ['LaSi'], german: 'Ladungssicherung', english: ['secure cargo'] },
  // Electrics, energy, metal, automation
  { written: ['EFK'], german: 'Elektrofachkraft', english: ['electrical safety'] },
  { written: ['EFKffT', 'EFKfT', 'EFKFFT'], german: 'Elektrofachkraft für festgelegte Tätigkeiten', english: ['electrical safety'] },
  { written: ['EuP'], german: 'elektrotechnisch unterwiesene Person Elektrosicherheit', english: ['electrical safety'] },
  { written: ['WP'], german: 'Wärmepumpe', english: ['heat pump'] },
  { written: ['PV'], german: 'Photovoltaik', english: ['photovoltaic'] },
  { written: ['SHK'], german: 'Sanitär Heizung Klima' },
  { written: ['MSR'], german: 'Mess Steuer Regelungstechnik', english: ['control systems'] },
  { written: ['SPS'], german: 'speicherprogrammierbare Steuerung', english: ['programmable logic controller'] },
  { written: ['MAG'], german: 'Metallaktivgasschweißen Schweißen', english: ['metal active gas welding'] },
  { written: ['MIG'], german: 'Metallinertgasschweißen Schweißen', english: ['metal inert gas welding'] },
  { written: ['WIG', 'TIG'], german: 'Wolfram Inertgas Schweißen', english: ['tungsten inert gas welding'] },
  // Safety, health, hygiene
  { written: ['SiFa', 'Sifa', 'FaSi'], german: 'Fachkraft für Arbeitssicherheit Arbeitsschutz', english: ['health and safety'] },
  { written: ['SiBe', 'Sibe'], german: 'Sicherheitsbeauftragter Arbeitsschutz', english: ['health and safety'] },
  { written: ['PSA'], german: 'persönliche Schutzausrüstung', english: ['personal protective equipment'] },
  { written: ['PSAgA'], german: 'persönliche Schutzausrüstung gegen Absturz', english: ['personal protective equipment'] },
  { written: ['HACCP', 'LMHV'], german: 'Lebensmittelhygiene', english: ['food safety and hygiene'] },
  { written: ['BEM'], german: 'betriebliches Eingliederungsmanagement', english: ['vocational rehabilitation', 'return to work'] },
  // Office, business, IT
  { written: ['Fibu', 'FiBu', 'FIBU'], german: 'Finanzbuchhaltung Buchführung', english: ['accounting', 'bookkeeping'] },
  { written: ['Lobu', 'LoBu'], german: 'Lohnbuchhaltung Lohnabrechnung', english: ['payroll'] },
  { written: ['KLR'], german: 'Kosten und Leistungsrechnung', english: ['cost accounting'] },
  { written: ['BWL'], german: 'Betriebswirtschaft', english: ['business administration'] },
  { written: ['EDV'], german: 'Datenverarbeitung Computer' },
  { written: ['QM'], german: 'Qualitätsmanagement', english: ['quality management'] },
  { written: ['QMB'], german: 'Qualitätsmanagementbeauftragter Qualitätsmanagement', english: ['quality management'] },
  { written: ['ERP'], german: 'Warenwirtschaft', english: ['enterprise resource planning'] },
  // Training, languages
  { written: ['AEVO', 'AdA'], german: 'Ausbildereignung Ausbilder', english: ['coach employees'] },
  { written: ['DaZ', 'DaF', 'DeuFöV'], german: 'Deutsch Sprachförderung' },
  // Logistics of a request: never a skill.
  { written: ['UE'], german: 'Unterrichtseinheiten', request: true },
  { written: ['MA', 'MAs'], german: 'Mitarbeiter', request: true },
  { written: ['Lj', 'LJ'], german: 'Lehrjahr', request: true },
  { written: ['Azubi', 'Azubis'], german: 'Auszubildende', request: true },
];

const BY_WRITTEN = new Map(VOCATIONAL_ABBREVIATION_LIST.flatMap((entry) => entry.written.map((written) => [written, entry] as const)));

/** The entry for a word as written ("WP", "Fibu"), if it is a listed abbreviation. */
export function vocationalAbbreviation(written: string): VocationalAbbreviation | undefined {
  return BY_WRITTEN.get(written);
}

/** Abbreviations that only say who or how long ("UE", "MA"): dropped like request words. */
export function isRequestAbbreviation(written: string): boolean {
  return vocationalAbbreviation(written)?.request === true;
}
