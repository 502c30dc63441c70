import { compoundSplits, isQualificationWord, productSubject, tokenize, vocationalAbbreviation } from '@bildungsraum/reference-data';
import { NeedPiece, NeedWord, OfferWords } from '../domain/text-relevance';

/**
 * The comparison form of text relevance: lower case, accents and umlauts off (ä → a, so "Kran" meets
 * "Kräne" and "anschlagen" "Anschläger"), ß → ss, every other character but letters, digits, + and
 * # a space. The offer side's SQL (fold_text, migration 1763790000000) folds the same way, so every
 * match here is a substring there.
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/**
 * A light German stem: one inflection ending off ("anschlagen" → "anschlag", "Kranen" → "kran",
 * "Module" → "modul", "Staplern" → "stapler"), at least four letters kept. Derivations stay ("Bedienung"): the start of
 * a word meets them ("bedien" starts "bedienung"). Both sides are stemmed the same way.
 */
export function germanStem(folded: string): string {
  // An "n" only after r or l ("Staplern", "Regeln"): "Schein" and "Station" keep theirs; an "s" not after s ("Prozess").
  const ending = ['en', 'es', 'em', 'e'].find((candidate) => folded.endsWith(candidate)) ?? (/[rl]n$/.test(folded) ? 'n' : /[^s]s$/.test(folded) ? 's' : '');
  return ending && folded.length - ending.length >= 4 ? folded.slice(0, -ending.length) : folded;
}

const VERB_PREFIXES = ['ver', 'zer', 'ent'];

/**
 * Endings that make words rather than end compounds ("Steue|rung", "Schlosse|rei"): a last part
 * starting with one of them is a suffix, not a head.
 */
const SUFFIX_STARTS = /^(?:ung|erung|ierung|heit|keit|schaft|erei|ion|tion|ation|ismus|lich|isch|ling|nis|tum|chen|lein)/;

/** A compound's last part worth comparing: four letters or more, not a suffix or qualification (text-relevance.ts trusts short ones less). */
const isHead = (tail: string): boolean => tail.length >= 4 && !SUFFIX_STARTS.test(tail) && !isQualificationWord(tail);

/** Words of a request that the resolver's stopwords leave in ("Wer bietet sowas an?"): no subject. */
const FUNCTION_WORDS = new Set(
  `wer was wann welche welcher welches warum aufs ans sowas etwas bietet bieten anbieten bringen bringt machen macht
   koennen konnen kann sollen soll musst mussen muessen wollen will mochten moechten klappt klappen geht gehen mal schon
   noch gern gerne reicht reichen fehlt fehlen jetzt immer wieder bald einfach richtig selbst mehr weniger eher ganz
   dafur damit darum davon dazu daran also`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Stems that course titles and descriptions use for every subject – norms and bodies (DIN, ISO,
 * DGUV, IHK), the kind of course (Grundlagen, Praxis, Prüfung), the setting (Betrieb, Arbeit,
 * Unternehmen) and generic heads of compounds ("-management", "-technik", "-wesen"): a need and
 * an offer sharing only these share no subject.
 */
const GENERIC_PIECES = new Set(
  `din iso vdi vde dguv ihk hwk tuev grundlag praxis theori kurs schulung seminar lehrgang weiterbildung qualifizierung
   fortbildung pruefung zertifikat abschluss betrieb betrieblich unternehm firma management technik wesen
   arbeit beruf beruflich einsatz anwend anwender system verfahren aufgab bereich thema themen inhalt method grundkurs
   aufbaukurs einfuehrung basis wiss kenntnis maschin geraet anlag einricht`
    .split(/\s+/)
    .filter(Boolean),
);

/** Linking letters between a compound's parts ("Spritzgieß|s|maschinen" splits also as "…|smaschinen"). */
const LINKING = /^(?:s|es|n|en|e|er)(?=[a-z])/;

/**
 * A piece that names no subject: a generic stem, or – for a compound's last part – a generic stem
 * behind linking letters ("smaschin" in "Spritzgießmaschinen" says as little as "maschin": the
 * subject of that compound is its first part, which is compared as the whole word).
 */
const isGenericPiece = (piece: NeedPiece): boolean =>
  GENERIC_PIECES.has(piece.text) || (piece.kind === 'head' && GENERIC_PIECES.has(piece.text.replace(LINKING, '')));

/** Words shorter than this are compared only when equal (acronyms such as "SAP", "CNC"). */
const MIN_PIECE = 4;

const stemmedPieces = (text: string): NeedPiece[] =>
  foldText(text)
    .split(' ')
    .filter((word) => word.length >= MIN_PIECE && !isQualificationWord(word))
    .map((word) => ({ text: germanStem(word), kind: 'word' as const }));

/**
 * The need's words as text relevance compares them (text-relevance.ts): the words of its text
 * without stopwords, request and qualification words (the resolver's tokenize), each with its
 * stem and – for a compound – its possible last parts (heads); a listed trade abbreviation
 * ("WP", "FFZ", "Fibu") by its spelled-out words, since offers spell them out; a listed product or
 * platform ("Facebook", "Outlook") also by its subject (PRODUCT_SUBJECTS).
 */
export function needWords(text: string): NeedWord[] {
  const words: NeedWord[] = [];
  for (const token of tokenize(text)) {
    const folded = foldText(token.text);
    if (folded.includes(' ') || isQualificationWord(token.folded) || FUNCTION_WORDS.has(folded)) continue;
    const abbreviation = vocationalAbbreviation(token.text);
    if (abbreviation) {
      const pieces = stemmedPieces(abbreviation.german);
      if (pieces.length && !abbreviation.request) words.push({ written: token.text, pieces });
      continue;
    }
    const pieces: NeedPiece[] = [{ text: folded.length >= MIN_PIECE ? germanStem(folded) : folded, kind: 'word' }];
    // A product or platform stands for its subject too ("Facebook" → Social Media, "Outlook" → E-Mail).
    const subject = productSubject(token.text);
    if (subject) pieces.push(...stemmedPieces(subject));
    for (const split of folded.length >= 8 ? compoundSplits(folded, MIN_PIECE) : []) {
      // "Staplerschein": the first part is the subject; otherwise the last part is (the head).
      if (split.qualificationTail) pieces.push({ text: germanStem(split.head), kind: 'word' });
      else if (isHead(split.tail)) pieces.push({ text: germanStem(split.tail), kind: 'head' });
    }
    // Inseparable verb prefixes: "verzurren" is about "Zurrmittel", "entgraten" about "Grat".
    const prefix = VERB_PREFIXES.find((candidate) => folded.startsWith(candidate) && folded.length - candidate.length >= MIN_PIECE);
    if (prefix && isHead(folded.slice(prefix.length))) pieces.push({ text: germanStem(folded.slice(prefix.length)), kind: 'word' });
    const content = dedupe(pieces).filter((piece) => !isGenericPiece(piece));
    if (content.some((piece) => piece.kind === 'word')) words.push({ written: token.text, pieces: content });
  }
  return words;
}

function dedupe(pieces: NeedPiece[]): NeedPiece[] {
  const seen = new Set<string>();
  return pieces.filter((piece) => {
    const key = `${piece.kind}:${piece.text}`;
    if (seen.has(key) || piece.text.length < 3) return false;
    seen.add(key);
    return true;
  });
}

const offerCache = new Map<string, OfferWords>();
const OFFER_CACHE_SIZE = 2_000;

const wordsOf = (text: string | undefined): string[] =>
  foldText(text ?? '')
    .split(' ')
    .filter((word) => word.length >= 3)
    .map(germanStem);

/**
 * How much of an offer's description text relevance reads: its opening says what the course is
 * about, and the read model keeps no more with each date (offerFacts).
 */
export const DESCRIPTION_CHARS = 1_000;

/** An offer's title and description as folded, stemmed words (cached: every candidate date of an offer asks again). */
export function offerWords(offer: { title?: string; description?: string }): OfferWords {
  const key = `${offer.title ?? ''}\n${(offer.description ?? '').slice(0, DESCRIPTION_CHARS)}`;
  let words = offerCache.get(key);
  if (!words) {
    if (offerCache.size >= OFFER_CACHE_SIZE) offerCache.clear();
    words = { title: wordsOf(offer.title), description: wordsOf((offer.description ?? '').slice(0, DESCRIPTION_CHARS)) };
    offerCache.set(key, words);
  }
  return words;
}

/** Every piece of the need's words, for the retrieval route by text (text-candidates.ts). */
export function piecesOf(words: readonly NeedWord[]): string[][] {
  return words.map((word) => [...new Set(word.pieces.map((piece) => piece.text))]);
}

/**
 * A need's words as need_view keeps them for the offer's reach (offer-reach.ts, text-bound-sql.ts):
 * - `pieces`: every distinct piece of its words (GIN: needs with a piece in an offer's title);
 * - `groups`: each word's pieces, space-separated (pieces hold no spaces): the per-word bound of
 *   text relevance and "two words matched" are counted per word, not per piece – "Benchmark"
 *   brings the pieces benchmark and mark, and still is one word;
 * - `multiwordPieces`: the pieces again, but only for a need of two words or more (GIN: only such
 *   a need can be answered by two words of an offer's description).
 */
export function needWordColumns(description: string): { pieces: string[]; groups: string[]; multiwordPieces: string[] } {
  const words = piecesOf(needWords(description));
  const pieces = [...new Set(words.flat())].sort();
  return { pieces, groups: words.map((word) => [...word].sort().join(' ')), multiwordPieces: words.length >= 2 ? pieces : [] };
}

/**
 * Every string a need piece must equal to meet one of the offer's words (textRelevance compares
 * pieces with words by equality, start, end or inside): each stemmed word's substrings of
 * MIN_PIECE letters or more, and the word itself (short pieces only meet equal words) – for the
 * title and for title and description. A superset of what can match, searched in
 * need_view.word_pieces by its GIN index.
 */
export function offerWordSubstrings(offer: { title?: string; description?: string }): { title: string[]; all: string[] } {
  const words = offerWords(offer);
  const substringsOf = (list: readonly string[]) => {
    const found = new Set<string>();
    for (const word of new Set(list)) {
      found.add(word);
      for (let start = 0; start + MIN_PIECE <= word.length; start += 1) for (let end = start + MIN_PIECE; end <= word.length; end += 1) found.add(word.slice(start, end));
    }
    return [...found];
  };
  return { title: substringsOf(words.title), all: substringsOf([...words.title, ...words.description]) };
}
