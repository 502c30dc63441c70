/**
 * How well an offer's own words (title, description) answer the words of a need – the text
 * relevance beside the skills read from the need. It does not depend on reading the need right:
 * "Leute müssen Deckenkran bedienen und Lasten anschlagen" meets "Kranführer und Anschläger" even
 * when no skill was read from the text.
 *
 * German words are compared by their parts, since a course spells out what a company shortens
 * and the other way round (needWords builds the pieces, in infra):
 * - a `word` piece is the need's word, stemmed ("anschlagen" → "anschlag"; a verb also without an
 *   inseparable prefix: "verzurren" → "zurr"): equal to an offer word
 *   1, the start of one 0.9 ("Rolle" → "Rollenwechsel"), the end of one 0.8 ("Fahrer" →
 *   "Berufskraftfahrer"), inside one 0.6 (6+ letters);
 * - a `head` piece is the last part of a need's compound, what the compound is ("Decken|kran",
 *   "Unterhalts|reinigung", "Front|stapler"): equal to
 *   an offer word 0.9, its start HEAD_FACTOR, its end 0.9 × HEAD_FACTOR – the end only
 *   where the offer also uses it as a word start, or it is long enough (7+) to end one safely.
 *   A compound's first part alone (the modifier: "Decken") is never compared.
 * A title word counts fully, a description word DESCRIPTION_FACTOR. A need word counts once, by
 * its best piece; the value is the sum over the need's words, divided by min(words, 3) and capped
 * at 1: three well-matched words (or every word of a short need) are a full match.
 */
export interface NeedPiece {
  text: string;
  kind: 'word' | 'head';
}

/** A word of the need's text (as written, for the explanation) with the pieces it is compared by. */
export interface NeedWord {
  written: string;
  pieces: readonly NeedPiece[];
}

/** An offer's title and description as folded, stemmed words (see offerWords in infra). */
export interface OfferWords {
  title: readonly string[];
  description: readonly string[];
}

export const DESCRIPTION_FACTOR = 0.5;
export const HEAD_FACTOR = 0.8;
/** Need words whose matches make a full text match. */
export const FULL_MATCH_WORDS = 3;
/**
 * An offer sharing no skill with the need is still a candidate when its text relevance reaches
 * this: one need word in its title (of three), or two in its description.
 */
export const MIN_TEXT_ONLY_RELEVANCE = 0.3;

function pieceMatch(piece: NeedPiece, word: string, words: readonly string[]): number {
  const text = piece.text;
  // Short pieces ("SAP", "CNC") only as whole words: "sap" does not start "sapling".
  if (text.length < 4) return word === text ? (piece.kind === 'head' ? HEAD_FACTOR : 1) : 0;
  if (piece.kind === 'head') {
    // A compound's last part is a real word only if the offer uses it as one (or it is long);
    // a short one (four letters: "kran", "mark") may not start a longer word ("Marketing").
    const usedAsWord = words.some((other) => other.startsWith(text));
    if (word === text) return 0.9;
    if (word.startsWith(text) && text.length >= 5) return HEAD_FACTOR;
    if (word.endsWith(text) && (usedAsWord || text.length >= 7)) return 0.9 * HEAD_FACTOR;
    return 0;
  }
  if (word === text) return 1;
  if (word.startsWith(text)) return 0.9;
  if (text.length >= 5 && word.endsWith(text)) return 0.8;
  if (text.length >= 6 && word.includes(text)) return 0.6;
  return 0;
}

function bestIn(need: NeedWord, words: readonly string[]): number {
  let best = 0;
  for (const piece of need.pieces) for (const word of words) best = Math.max(best, pieceMatch(piece, word, words));
  return best;
}

export interface TextRelevance {
  value: number;
  /** The need's words that met the offer's (for the explanation), best first. */
  matched: string[];
  /** How many of them met a title word. */
  inTitle: number;
}

export function textRelevance(need: readonly NeedWord[], offer: OfferWords): TextRelevance {
  if (!need.length) return { value: 0, matched: [], inTitle: 0 };
  const scored = need
    .map((word) => {
      const title = bestIn(word, offer.title);
      return { written: word.written, title, score: Math.max(title, DESCRIPTION_FACTOR * bestIn(word, offer.description)) };
    })
    .filter((word) => word.score > 0)
    .sort((a, b) => b.score - a.score);
  const sum = scored.reduce((total, word) => total + word.score, 0);
  const value = Math.min(1, sum / Math.min(need.length, FULL_MATCH_WORDS));
  return { value: Math.round(value * 10_000) / 10_000, matched: scored.map((word) => word.written), inTitle: scored.filter((word) => word.title > 0).length };
}

/**
 * Whether an offer sharing no skill with the need answers it by its words alone: relevance at
 * least MIN_TEXT_ONLY_RELEVANCE, and a need word in its title or two in its description – one
 * word of a description ("betriebliche", "Programmierung") is too little to propose a course on.
 */
export function answersByText(relevance: TextRelevance): boolean {
  return relevance.value >= MIN_TEXT_ONLY_RELEVANCE && (relevance.inTitle > 0 || relevance.matched.length >= 2);
}
