import { escapeLike } from '@bildungsraum/reference-data';
import { DESCRIPTION_FACTOR, FULL_MATCH_WORDS } from '../domain/text-relevance';

/**
 * A course date's offer text folded as text relevance folds it (foldText), stored with the date
 * (migration 1763810000000) and indexed by trigrams: the title alone, and title with description.
 */
export const FOLDED_TITLE = 'd.offer_title_folded';
export const FOLDED_TEXT = 'd.offer_text_folded';

/** A need word's pieces as LIKE patterns ("%stapler%"), one SQL array parameter. */
export const likePatterns = (pieces: readonly string[], p: (value: unknown) => string): string => `${p(pieces.map((piece) => `%${escapeLike(piece)}%`))}::text[]`;

/**
 * An upper bound of textRelevance(need, offer) for a date row `d`, as SQL: each need word counts
 * 1 if a piece of it is in the offer's folded title, DESCRIPTION_FACTOR if only in the folded
 * description, else 0; the sum over min(words, FULL_MATCH_WORDS), capped at 1. Text relevance
 * can only be lower: every piece it matches is a substring of the offer's folded words
 * (germanStem keeps a prefix of the folded word), and it values a match at most 1 in the title
 * and DESCRIPTION_FACTOR in the description. ranked-retrieval checks the bound against the real
 * score of every date it reads (a fold that differs in SQL would show there).
 */
export function textRelevanceBoundSql(pieces: ReadonlyArray<readonly string[]>, p: (value: unknown) => string): string {
  const words = pieces.filter((word) => word.length);
  if (!words.length) return '0::float8';
  const perWord = words
    .map((word) => {
      const like = likePatterns(word, p);
      return `CASE WHEN ${FOLDED_TITLE} LIKE ANY(${like}) THEN 1 WHEN ${FOLDED_TEXT} LIKE ANY(${like}) THEN ${p(DESCRIPTION_FACTOR)}::float8 ELSE 0 END`;
    })
    .join(' + ');
  return `least(1, (${perWord}) / ${p(Math.min(words.length, FULL_MATCH_WORDS))}::float8)`;
}
