import { SearchCriteria } from './search-criteria';

export interface SearchStatement {
  sql: string;
  params: unknown[];
  /** Column of the hits the page is ordered by (the cursor carries its value). */
  sortKey: 'rank' | 'distance_key' | 'start_date';
}

/**
 * Hits gathered at most per search (and per branch: dates on site, online dates). Totals and
 * facets are counted over them; beyond it the total reads "at least" and the facets are estimates.
 * Relevance ranks only these candidates.
 */
export const COUNT_CAP = 1000;

const SORT_KEYS = {
  relevance: { key: 'rank', direction: 'DESC', cast: 'real' },
  distance: { key: 'distance_key', direction: 'ASC', cast: 'float8' },
  start: { key: 'start_date', direction: 'ASC', cast: 'date' },
} as const;

/** Columns of the search row the hits carry: sort keys and what the facets count. */
const HIT_COLUMNS = 'd.date_id, d.start_date, d.schedule, d.language, d.dqr_level, d.azav_approved, d.formats, d.target_groups';
/** Display fields, read for the page only (by primary key), never for the whole hit set. */
const PAGE_FIELDS = ['offer_id', 'provider_id', 'provider_name', 'title', 'end_date', 'district_key', 'postal_code', 'city', 'seats_free',
  'min_participants', 'max_participants', 'price_cents', 'hours', 'programme_ids'];
const HIT_FIELDS = ['date_id', 'start_date', 'schedule', 'online', 'language', 'dqr_level', 'azav_approved', 'formats', 'target_groups', 'rank', 'distance_km', 'distance_key'];

/**
 * One statement answers a search: the hits (materialised once), a keyset page of them with its
 * display fields, the total and the facet groups. Every value travels as a parameter; only fixed
 * SQL is spliced.
 *
 * Without words every branch (dates on site, online dates) is an index-ordered walk that stops
 * after `cap` hits, however broad the search: by distance the GiST index hands out dates nearest
 * first (KNN), by start the start-ordered covering indexes. With words the text and location
 * indexes hand out the text hits of the radius, which are then cut at `cap`. Relevance cannot come
 * from an index, so it ranks a bounded candidate set: the `cap` nearest hits (with a point) or the
 * `cap` soonest (without), plus as many online dates — "the most relevant of the nearest thousand".
 */
export function searchStatement(criteria: SearchCriteria, tsQuery: string | undefined, skillUris: readonly string[], cap = COUNT_CAP): SearchStatement {
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
  // The radius as ST_DWithin would expand it (the bounding box, an index condition, then the exact
  // sphere distance, `<->` on geography), but spelt out: the planner estimates ST_DWithin's own
  // filter at a few rows whatever the radius and then sorts whole areas instead of walking them.
  const radius = point && criteria.radiusKm ? p(criteria.radiusKm * 1000, '::float8') : undefined;
  const near = point && radius ? `d.location OPERATOR(public.&&) public._ST_Expand(${point}, ${radius}) AND (d.location OPERATOR(public.<->) ${point}) <= ${radius}` : undefined;
  if (criteria.formats?.length) where.push(`d.formats && ${p(criteria.formats, '::text[]')}`);
  if (criteria.schedules?.length) where.push(`d.schedule = ANY(${p(criteria.schedules, '::text[]')})`);
  // With words the hits come from the text and location indexes; a date window ANDed in as a third
  // bitmap (a range over a quarter of all dates) costs more than checking it on the hits.
  const start = tsQuery ? '(d.start_date + 0)' : 'd.start_date';
  if (criteria.from) where.push(`${start} >= ${p(criteria.from, '::date')}`);
  if (criteria.to) where.push(`${start} <= ${p(criteria.to, '::date')}`);
  if (criteria.freeSeats) where.push(`d.seats_free >= ${p(criteria.freeSeats, '::int')}`);
  if (criteria.maxPriceCents !== undefined) where.push(`d.price_cents <= ${p(criteria.maxPriceCents, '::int')}`);
  if (criteria.azav !== undefined) where.push(`d.azav_approved = ${p(criteria.azav, '::boolean')}`);
  if (criteria.programme) where.push(`d.programme_ids @> ARRAY[${p(criteria.programme, '::text')}]`);
  if (criteria.targetGroup) where.push(`d.target_groups @> ARRAY[${p(criteria.targetGroup, '::text')}]`);
  if (criteria.dqrLevel) where.push(`d.dqr_level = ${p(criteria.dqrLevel, '::smallint')}`);
  if (criteria.language) where.push(`d.language = ${p(criteria.language)}`);
  if (criteria.providerId) where.push(`d.provider_id = ${p(criteria.providerId, '::uuid')}`);

  const sortName = effectiveSort(criteria, !!tsQuery);
  const sort = SORT_KEYS[sortName];
  const orderOf = (alias = '') => `${alias}${sort.key} ${sort.direction}, ${alias}date_id ASC`;
  const order = orderOf();
  const after = criteria.after
    ? `(${sort.key} ${sort.direction === 'DESC' ? '<' : '>'} ${p(criteria.after.value, `::${sort.cast}`)} OR (${sort.key} = ${p(criteria.after.value, `::${sort.cast}`)} AND date_id > ${p(criteria.after.id, '::uuid')}))`
    : undefined;
  // Sphere distance by `<->` (what the KNN walk orders by), so walk and page agree on ties.
  const distance = point ? `(d.location OPERATOR(public.<->) ${point}) / 1000` : 'NULL::float8';
  // Counting stops at `cap` hits: totals and facets of huge result sets ("everything within
  // 100 km") would otherwise cost more than the page itself. A follow-up page (cursor) counts
  // nothing: the client has the first page's figures.
  const counting = !criteria.after;
  const ranked = sortName === 'relevance';
  // By start or distance the walk order is the page order, so a follow-up page walks on from the
  // cursor and stops after one page. Relevance pages through the same candidates every time.
  const branchCap = counting || ranked ? cap + 1 : criteria.limit + 1;
  const branchAfter = after && !ranked ? `WHERE ${after}` : '';
  // Online dates have no distance; saying so as constants lets their walk read its index only.
  const columns = (online: boolean) =>
    online
      ? `${HIT_COLUMNS}, true AS online, ${rank} AS rank, NULL::float8 AS distance_km, 1e15::float8 AS distance_key`
      : `${HIT_COLUMNS}, ${near ? 'false' : 'd.online'} AS online, ${rank} AS rank, ${distance} AS distance_km, coalesce(${distance}, 1e15) AS distance_key`;
  // Online dates are reachable from anywhere: with a radius they are a branch of their own, so
  // each branch stops at the cap in its walk order instead of one scan over both ORed together.
  const branches = near ? [{ condition: `NOT d.online AND ${near}`, online: false }, { condition: 'd.online', online: true }] : [{ condition: 'true', online: false }];
  // Dates on site come nearest first straight from the GiST index (KNN) when sorted by distance or
  // relevance with a point; online dates (all at the same, last place) and searches without a
  // point walk the btree on start date.
  const knn = point && near && sort.key !== 'start_date' ? `d.location OPERATOR(public.<->) ${point}` : undefined;
  const walk = (online: boolean) => {
    // With words, both branches gather the text hits through the text indexes (bounded by the
    // hits in the radius) and sort them: walking an order with a text filter reads every date of
    // the area, or every online date, whenever fewer than the cap match (what the planner cannot
    // foresee). `+ 0` hides the index order from the planner.
    const hidden = tsQuery ? ' + 0' : '';
    if (sort.key === 'start_date') return `start_date${hidden} ASC, date_id ASC`;
    // Online dates share the last place by distance, so they follow in id order (the text of a
    // uuid in "C" order is its byte order; the cast hides the id index like `+ 0` above).
    if (online || !knn) return sort.key === 'distance_key' ? (hidden ? 'date_id::text COLLATE "C" ASC' : 'date_id ASC') : `start_date${hidden} ASC, date_id ASC`;
    // KNN hands out distance order only: a tie-break by id would make the planner sort the whole
    // area instead. WITH TIES takes every date as near as the last one, so no tied date is lost
    // at the cut and the page order (distance, id) is exact.
    return `knn${hidden} ASC`;
  };
  const limit = (online: boolean) => (!online && knn ? `FETCH FIRST ${branchCap} ROWS WITH TIES` : `LIMIT ${branchCap}`);
  const branch = ({ condition, online }: { condition: string; online: boolean }) =>
    `(SELECT * FROM (SELECT ${columns(online)}${knn ? `, ${online ? 'NULL::float8' : knn} AS knn` : ''} FROM search_date d WHERE ${[...where, condition].join(' AND ')}) b ${branchAfter} ORDER BY ${walk(online)} ${limit(online)})`;
  // Facets: one pass over the hits with a grouping set per facet (a few dozen rows out, where
  // grouping by all facet columns at once left nearly one group per hit); the engine splits the
  // array-valued ones (formats, target groups) into their values. One hit more than the cap is
  // gathered only to tell "exactly cap" from "more": the facets leave it out (below the cap they
  // cover every hit; above it they are estimates anyway).
  const facets = criteria.facets && counting
    ? `(SELECT coalesce(json_agg(g), '[]') FROM (
        SELECT schedule, language, dqr_level, azav_approved, online, formats, target_groups, count(*)::int AS n
        FROM (SELECT * FROM hits LIMIT ${cap}) h
        GROUP BY GROUPING SETS ((schedule), (language), (dqr_level), (azav_approved), (online), (formats), (target_groups))) g) AS facet_groups`
    : 'NULL::json AS facet_groups';
  const fields = [...HIT_FIELDS.map((field) => `'${field}', page.${field}`), ...PAGE_FIELDS.map((field) => `'${field}', w.${field}`)].join(', ');
  const sql = `
    WITH hits AS MATERIALIZED (
      SELECT * FROM (${branches.map(branch).join(' UNION ALL ')}) m ORDER BY ${order} LIMIT ${cap + 1}
    ),
    page AS (SELECT * FROM hits ${ranked && after ? `WHERE ${after}` : ''} ORDER BY ${order} LIMIT ${criteria.limit + 1})
    SELECT (SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY ${orderOf('page.')}), '[]')
      FROM page JOIN search_date w ON w.date_id = page.date_id) AS items,
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
