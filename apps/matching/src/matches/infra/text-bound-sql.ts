import { escapeLike } from '@bildungsraum/reference-data';
import { CEILING_MARGIN } from '../domain/score-ceiling';
import { DESCRIPTION_FACTOR, FULL_MATCH_WORDS, MIN_TEXT_ONLY_RELEVANCE } from '../domain/text-relevance';

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

/**
 * The same bound from the need's side, for a need row `n` (need_view.word_groups: each word's
 * pieces) against one offer given by the substrings of its words (offerWordSubstrings; `title`
 * and `all` are text[] parameters): a word counts 1 if a piece of it is among the title's
 * substrings, DESCRIPTION_FACTOR if only among title and description's, else 0; the sum over
 * min(words, FULL_MATCH_WORDS), capped at 1 – an upper bound of textRelevance for the same
 * reason as above (every piece it matches is a substring of an offer word). A LATERAL join
 * yielding `tb.bound`, `tb.in_title` (a word may meet the title) and `tb.words_met` (words that
 * may meet title or description).
 */
export function needTextBoundJoin(title: string, all: string, p: (value: unknown) => string): string {
  return `CROSS JOIN LATERAL (
      SELECT coalesce(least(1, sum(CASE WHEN g.pieces && ${title} THEN 1 WHEN g.pieces && ${all} THEN ${p(DESCRIPTION_FACTOR)}::float8 ELSE 0 END)
                               / least(count(*), ${p(FULL_MATCH_WORDS)}::int)), 0) AS bound,
             coalesce(bool_or(g.pieces && ${title}), false) AS in_title,
             count(*) FILTER (WHERE g.pieces && ${all}) AS words_met
        FROM (SELECT string_to_array(w.word, ' ') AS pieces FROM unnest(n.word_groups) AS w(word)) g) tb`;
}

/**
 * answersByText as the offer reach can test it on needTextBoundJoin's `tb`: the bound reaches
 * MIN_TEXT_ONLY_RELEVANCE and a word may meet the title or two words the text. Relevance is
 * rounded (four decimals): CEILING_MARGIN keeps a bound right at the threshold from refusing it.
 */
export function mayAnswerByTextSql(p: (value: unknown) => string): string {
  return `(tb.bound + ${p(CEILING_MARGIN)}::float8 >= ${p(MIN_TEXT_ONLY_RELEVANCE)}::float8 AND (tb.in_title OR tb.words_met >= 2))`;
}
