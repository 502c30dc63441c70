import { EntityManager } from 'typeorm';
import { MATCH_CRITERIA } from '@bildungsraum/contracts';
import { DESCRIPTION_FACTOR, FULL_MATCH_WORDS } from '../domain/text-relevance';
import { Weights } from '../domain/weights';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CandidateFilter, DISTANCE, IN_REACH, LightCandidate, LightRow, lightColumns, toLight } from './candidates';
import { FOLDED_TEXT, FOLDED_TITLE, likePatterns, textRelevanceBoundSql } from './text-bound-sql';

/** The text route ceiling of a date whose relevance is at most `relevance` and that shares no skill (every other criterion at its best). */
export function textOnlyCeiling(relevance: number, weights: Weights): number {
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  return (weights.title * Math.min(1, relevance) + total - weights.skills - weights.title) / total;
}

/**
 * The two parts of the text route, each through its own trigram index. `title`: dates whose offer
 * title holds a piece of a need word. `description`: the others, holding pieces of two need words
 * (answersByText admits a date without a title word only with two description words) – so a word
 * common in descriptions alone never makes the route read every date.
 */
export type TextRoute = 'title' | 'description';

/** The highest score a date found by the route can have (its relevance at most what the route allows). */
export function routeCeiling(route: TextRoute, words: number, weights: Weights): number {
  if (route === 'title') return textOnlyCeiling(1, weights);
  return words < 2 ? Number.NEGATIVE_INFINITY : textOnlyCeiling((DESCRIPTION_FACTOR * words) / Math.min(words, FULL_MATCH_WORDS), weights);
}

/**
 * The retrieval route by text: course dates of published offers whose title (or, route
 * `description`, whose description for two need words) holds the need's word pieces
 * (text-words.ts), through the trigram indexes on the folded offer text (text-bound-sql.ts), with the need's filters (window, seats, reach), none sharing a skill with the need (those
 * come through the skill steps) and none in `exclude`. Ranked by a ceiling of their score: every
 * need word found in the title counts 1, in the description DESCRIPTION_FACTOR (text relevance
 * can only be lower: its matches are substrings of the same text), and every criterion but
 * skills at its best. With `limit`, the best that many.
 */
export async function findTextCandidates(
  manager: EntityManager,
  pieces: ReadonlyArray<readonly string[]>,
  skillUris: readonly string[],
  filter: CandidateFilter,
  weights: Weights,
  route: TextRoute,
  exclude: readonly string[] = [],
  limit?: number,
): Promise<LightCandidate[]> {
  const words = pieces.filter((word) => word.length);
  if (!words.length || (route === 'description' && words.length < 2)) return [];
  const s = schemaOfManager(manager);
  const params: unknown[] = [filter.lon, filter.lat, filter.radiusKm * 1000, filter.from, filter.to, [...exclude], [...skillUris]];
  const p = (value: unknown) => `$${params.push(value)}`;
  const all = likePatterns([...new Set(words.flat())], p);
  // Every parameter is used: Postgres cannot type one that is not.
  const pairs = () => {
    const likes = words.map((word) => likePatterns(word, p));
    return likes.flatMap((first, i) => likes.slice(i + 1).map((second) => `(${FOLDED_TEXT} LIKE ANY(${first}) AND ${FOLDED_TEXT} LIKE ANY(${second}))`)).join(' OR ');
  };
  const matching = route === 'title' ? `${FOLDED_TITLE} LIKE ANY(${all})` : `NOT (${FOLDED_TITLE} LIKE ANY(${all})) AND (${pairs()})`;
  const relevance = textRelevanceBoundSql(words, p);
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  const ceiling = `(${p(weights.title)}::float8 * ${relevance} + ${p(total - weights.skills - weights.title)}::float8) / ${p(total)}::float8`;
  const rows = (await manager.query(
    `WITH here AS (SELECT public.ST_SetSRID(public.ST_MakePoint($1::float8, $2::float8), 4326)::public.geography AS point)
     SELECT ${lightColumns(s)}, d.ceiling FROM (
       SELECT d.*, x.km, ${ceiling} AS ceiling
         FROM "${s}".course_date_view d CROSS JOIN here ${DISTANCE}
        WHERE d.published AND ${matching}
          AND NOT (d.skill_uris && $7::text[])
          AND d.start_date >= $4::date AND ($5::date IS NULL OR d.end_date <= $5::date)
          AND d.seats_free > 0
          AND ${IN_REACH}
          AND NOT (d.id = ANY($6::uuid[]))
        ORDER BY ceiling DESC, d.id ${limit ? `LIMIT ${p(limit)}` : ''}) d`,
    params,
  )) as LightRow[];
  return rows.map(toLight);
}
