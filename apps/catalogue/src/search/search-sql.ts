import { SearchCriteria } from './search-criteria';

export interface SearchStatement {
  sql: string;
  params: unknown[];
  /** Column of the hits the page is ordered by (the cursor carries its value). */
  sortKey: 'rank' | 'distance_key' | 'start_date';
}

/** Hits counted (and used for facets) at most; beyond it the total reads "at least". */
export const COUNT_CAP = 1000;

const SORT_KEYS = {
  relevance: { key: 'rank', direction: 'DESC', cast: 'real' },
  distance: { key: 'distance_key', direction: 'ASC', cast: 'float8' },
  start: { key: 'start_date', direction: 'ASC', cast: 'date' },
} as const;

/**
 * One statement answers a search: the hits (materialised once), a keyset page of them, the
 * total and the facet counts. Every value travels as a parameter; only fixed SQL is spliced.
 */
export function searchStatement(criteria: SearchCriteria, tsQuery: string | undefined, skillUris: readonly string[]): SearchStatement {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => `$${params.push(value)}${cast}`;
  const where: string[] = [`d.end_date >= ${p(criteria.today, '::date')}`];
  const point = criteria.point ? `public.ST_SetSRID(public.ST_MakePoint(${p(criteria.point.lon, '::float8')}, ${p(criteria.point.lat, '::float8')}), 4326)::public.geography` : undefined;
  let rank = '0::real';
  if (tsQuery) {
    const query = `to_tsquery('german_unaccent', ${p(tsQuery)})`;
    rank = `ts_rank_cd(d.tsv, ${query})`;
    where.push(skillUris.length ? `(d.tsv @@ ${query} OR d.skills && ${p(skillUris, '::text[]')})` : `d.tsv @@ ${query}`);
  }
  // Sphere, not spheroid: a few metres of difference, a fraction of the cost per row.
  const near = point && criteria.radiusKm ? `public.ST_DWithin(d.location, ${point}, ${p(criteria.radiusKm * 1000, '::float8')}, false)` : undefined;
  if (criteria.formats?.length) where.push(`d.formats && ${p(criteria.formats, '::text[]')}`);
  if (criteria.schedules?.length) where.push(`d.schedule = ANY(${p(criteria.schedules, '::text[]')})`);
  if (criteria.from) where.push(`d.start_date >= ${p(criteria.from, '::date')}`);
  if (criteria.to) where.push(`d.start_date <= ${p(criteria.to, '::date')}`);
  if (criteria.freeSeats) where.push(`d.seats_free >= ${p(criteria.freeSeats, '::int')}`);
  if (criteria.maxPriceCents !== undefined) where.push(`d.price_cents <= ${p(criteria.maxPriceCents, '::int')}`);
  if (criteria.azav !== undefined) where.push(`d.azav_approved = ${p(criteria.azav, '::boolean')}`);
  if (criteria.programme) where.push(`d.programme_ids @> ARRAY[${p(criteria.programme, '::text')}]`);
  if (criteria.targetGroup) where.push(`d.target_groups @> ARRAY[${p(criteria.targetGroup, '::text')}]`);
  if (criteria.dqrLevel) where.push(`d.dqr_level = ${p(criteria.dqrLevel, '::smallint')}`);
  if (criteria.language) where.push(`d.language = ${p(criteria.language)}`);
  if (criteria.providerId) where.push(`d.provider_id = ${p(criteria.providerId, '::uuid')}`);

  const sort = SORT_KEYS[effectiveSort(criteria, !!tsQuery)];
  const order = `${sort.key} ${sort.direction}, date_id ASC`;
  const after = criteria.after
    ? `WHERE (${sort.key} ${sort.direction === 'DESC' ? '<' : '>'} ${p(criteria.after.value, `::${sort.cast}`)} OR (${sort.key} = ${p(criteria.after.value, `::${sort.cast}`)} AND date_id > ${p(criteria.after.id, '::uuid')}))`
    : '';
  const distance = point ? `public.ST_Distance(d.location, ${point}, false) / 1000` : 'NULL::float8';
  // All facets in one pass over the hits: (facet, value) pairs zipped by unnest, one hash aggregate.
  // Counting stops at COUNT_CAP hits (in sort order): totals and facets of huge result sets
  // ("everything within 100 km") would otherwise cost more than the page itself. A follow-up page
  // (cursor) counts nothing: the client has the first page's figures.
  const counting = !criteria.after;
  const facets = criteria.facets && counting
    ? `(SELECT coalesce(json_object_agg(facet, counts), '{}') FROM (
        SELECT facet, json_object_agg(k, n) AS counts FROM (
          SELECT f.facet, f.k, count(*) AS n
          FROM hits, unnest(
            ARRAY['schedule', 'language', 'dqrLevel', 'azav', 'online']
              || array_fill('format'::text, ARRAY[cardinality(hits.formats)])
              || array_fill('targetGroup'::text, ARRAY[cardinality(hits.target_groups)]),
            ARRAY[hits.schedule, hits.language, hits.dqr_level::text, hits.azav_approved::text, hits.online::text] || hits.formats || hits.target_groups
          ) AS f(facet, k)
          WHERE f.k IS NOT NULL
          GROUP BY 1, 2
        ) c GROUP BY facet
      ) x) AS facets`
    : 'NULL::json AS facets';
  const columns = `d.date_id, d.offer_id, d.provider_id, d.provider_name, d.title, d.start_date, d.end_date, d.schedule, d.online,
        d.district_key, d.postal_code, d.city, d.seats_free, d.min_participants, d.max_participants, d.price_cents, d.hours,
        d.azav_approved, d.formats, d.target_groups, d.dqr_level, d.language, d.programme_ids,
        ${rank} AS rank, ${distance} AS distance_km, coalesce(${distance}, 1e15) AS distance_key`;
  const cap = counting ? COUNT_CAP : criteria.limit + 1;
  // Online dates are reachable from anywhere: with a radius they are a branch of their own, so
  // each branch stops at the cap in sort order instead of one scan over both ORed together.
  const branches = near ? [{ condition: `NOT d.online AND ${near}`, online: false }, { condition: 'd.online', online: true }] : [{ condition: 'true', online: false }];
  // By distance, dates on site come nearest first straight from the GiST index (KNN, stops at the
  // cap); online dates all share the last place, so their own order is by id (an index walk too).
  const branchOrder = (online: boolean) => (sort.key !== 'distance_key' ? order : online ? 'date_id ASC' : 'knn ASC, date_id ASC');
  const knn = sort.key === 'distance_key' && point ? `, d.location OPERATOR(public.<->) ${point} AS knn` : '';
  const branch = ({ condition, online }: { condition: string; online: boolean }) =>
    `(SELECT * FROM (SELECT ${columns}${knn} FROM search_date d WHERE ${[...where, condition].join(' AND ')}) b ${after} ORDER BY ${branchOrder(online)} LIMIT ${cap})`;
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT * FROM (${branches.map(branch).join(' UNION ALL ')}) m ORDER BY ${order} LIMIT ${cap}
    ),
    page AS (SELECT * FROM hits ORDER BY ${order} LIMIT ${criteria.limit + 1})
    SELECT (SELECT coalesce(json_agg(page ORDER BY ${order}), '[]') FROM page) AS items,
      ${counting ? '(SELECT count(*) FROM hits)::int' : 'NULL::int'} AS total,
      ${facets}`;
  return { sql, params, sortKey: sort.key };
}

/** Relevance needs words and distance a point; otherwise the list is ordered by start date. */
export function effectiveSort(criteria: Pick<SearchCriteria, 'sort' | 'point'>, hasText: boolean): SearchCriteria['sort'] {
  if (criteria.sort === 'relevance' && !hasText) return 'start';
  if (criteria.sort === 'distance' && !criteria.point) return 'start';
  return criteria.sort;
}
