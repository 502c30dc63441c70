import { foldLabel } from './fold';
import { isRequestAbbreviation } from './vocational-abbreviations';

/**
 * Function words of German and English job requests and course texts that never name a skill.
 * Numbers and common request verbs ("brauchen", "suchen") are included: without them every
 * label containing "brauch" or "such" would become evidence.
 */
const STOPWORDS = new Set(
  `aber alle allem allen aller alles als also am an ans auch auf aus bei beim bin bis bitte bzw da damit dann das dass dem den
   der des dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es etwa
   etwas euch für fuer gegen gibt hat hatte haben habe hier ich ihr ihre im in ins ist ja je jede jeden jeder jedes kann kein
   keine können koennen mit muss müssen muessen nach nicht noch nur ob oder ohne pro sehr sein seine sich sie sind so soll
   sollen sowie über ueber um und uns unser unsere unter vom von vor war wir wird werden wie wo zu zum zur zwischen
   brauchen braucht benötigen benoetigen benötigt suchen sucht gesucht gewünscht erwünscht wünschen bieten möglich
   klasse eins zwei drei vier fünf fuenf sechs sieben acht neun zehn mehrere einige viele neue neuen
   a an and are as at be by for from has have i in is it of on or our the to we with you need needs looking
   seeking want wanted must should can will three two one four five`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldLabel),
);

/**
 * The logistics of a request rather than its subject: who takes part, when, where, in which
 * format and at which level. A need carries these in its structured fields; read as skill words
 * they only find noise ("Teilzeit" → "Teile austauschen", "online" → "Online-Schulungen anbieten",
 * "Grundlagen" → "Grundlagen der Animation", "Nähe" → "Nahrung").
 */
const REQUEST_WORDS = new Set(
  `mitarbeiter mitarbeiterin mitarbeiterinnen mitarbeitende beschäftigte beschäftigten kollegen kolleginnen kollegin kollege
   leute personen person team teams unsere unserer unseren unserem azubi azubis auszubildende auszubildenden lehrjahr
   ausbildungsjahr quereinsteiger quereinsteigerin quereinsteigerinnen aushilfen aushilfe hilfskräfte saisonkräfte neue neuer
   teilnehmende teilnehmer teilnehmerin firma betrieb unternehmen abteilung filialen filiale standort bedarf bedarfe bedarfs
   teilzeit vollzeit abends abend wochenende wochenenden berufsbegleitend nebenberuflich schichtbetrieb schicht
   online präsenz inhouse vor ort gern gerne möglichst bald schnell sofort demnächst zeitnah ende anfang jahr jahres monat
   monate woche wochen nähe umgebung region umkreis egal bitte nur auch dabei
   grundlagen grundkurs einführung einstieg auffrischung aufbaukurs aufbau fortgeschrittene fortgeschrittenen basis
   basiskurs kompakt niveau stufe
   lernen lernt schulen schult weiterbilden qualifizieren qualifiziert qualifizierung fortbildung pflichtfortbildung training
   trainings seminar seminare workshop unterweisung unterweisungen ausbilden jährliche jährlich`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldLabel),
);

/**
 * Second parts of German compounds that name a certificate, course, experience or a kind of
 * worker rather than the skill itself: "Staplerschein" is about the forklift ("Stapler"), not
 * about a "Schein"; "Pflegehilfskraft" about care, not "Kraft".
 */
const QUALIFICATION_TAILS = new Set(
  `schein scheins kurs kurse kurses lehrgang lehrgangs pruefung ausbildung weiterbildung schulung schulungen kenntnis
   kenntnisse erfahrung erfahrungen zertifikat zertifikats nachweis berechtigung lizenz erlaubnis zeugnis qualifikation
   befaehigung fahrerlaubnis kraft kraefte helfer helferin hilfe mitarbeiter mitarbeiterin personal stelle stellen`
    .split(/\s+/)
    .filter(Boolean),
);

export interface TextToken {
  /** The word as written (for evidence). */
  text: string;
  /** Its search form (see `foldLabel`). */
  folded: string;
  /** Written in capitals (CNC, WIG, SAP): matched as a whole word only, "WIG" is not "wigs". */
  acronym: boolean;
}

/**
 * Words of a text worth looking up: not a stopword, at least 3 characters, or 2 when written
 * in capitals (SAP, IT). Hyphenated words yield the whole ("CNC-Fräsen" → "cnc fraesen", so
 * labels written with hyphen or space match) and each part.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    const folded = foldLabel(word);
    // Capitals mark an acronym even where the word is also a stopword ("IT", not "it").
    const acronym = /^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,4}$/.test(word);
    const keep = folded.length >= 3 || acronym;
    if (!keep || ((STOPWORDS.has(folded) || REQUEST_WORDS.has(folded)) && !acronym) || isRequestAbbreviation(word) || seen.has(folded) || /^\d+$/.test(folded)) return;
    seen.add(folded);
    tokens.push({ text: word, folded, acronym });
  };
  for (const word of text.match(/[\p{L}\p{N}+#]+(?:-[\p{L}\p{N}+#]+)*/gu) ?? []) {
    const parts = word.split('-');
    if (parts.length > 1) add(word);
    for (const part of parts) add(part);
  }
  return tokens;
}

export interface CompoundSplit {
  head: string;
  tail: string;
  /** The tail names a qualification ("schein", "kurs"): only the head is looked up. */
  qualificationTail: boolean;
}

/**
 * Candidate splits of a folded word into two parts of at least `minPart` characters, longest
 * head first; a linking "s" between the parts (Fugen-s: "Sicherheits|technik") is dropped.
 * Which split is right is decided against the label vocabulary (see SkillDirectory).
 */
export function compoundSplits(word: string, minPart = 4): CompoundSplit[] {
  const splits: CompoundSplit[] = [];
  if (word.includes(' ')) return splits;
  for (let cut = word.length - minPart; cut >= minPart; cut--) {
    const head = word.slice(0, cut);
    const rest = word.slice(cut);
    splits.push({ head, tail: rest, qualificationTail: QUALIFICATION_TAILS.has(rest) });
    if (head.endsWith('s') && head.length - 1 >= minPart) {
      splits.push({ head: head.slice(0, -1), tail: rest, qualificationTail: QUALIFICATION_TAILS.has(rest) });
    }
  }
  return splits;
}

export function isQualificationWord(word: string): boolean {
  return QUALIFICATION_TAILS.has(word);
}
