import { rowsOf } from '@bildungsraum/reference-data';
import { encodeCursor } from '../shared/infra/keyset-cursor';
import { SearchCriteria, searchWords, tsQueryText } from './search-criteria';
import { COUNT_CAP, searchStatement } from './search-sql';

/** Anything that runs SQL: a TypeORM DataSource or manager, or a pg Pool (the benchmark). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface SearchHit {
  dateId: string;
  offerId: string;
  providerId: string;
  providerName: string;
  title: string;
  startDate: string;
  endDate: string;
  schedule: string;
  online: boolean;
  districtKey: string | null;
  postalCode: string | null;
  city: string | null;
  seatsFree: number;
  minParticipants: number;
  maxParticipants: number;
  priceCents: number;
  hours: number;
  azavApproved: boolean;
  formats: string[];
  targetGroups: string[];
  dqrLevel: number | null;
  language: string;
  programmeIds: string[];
  /** km from the searched point; absent for online dates or searches without a point. */
  distanceKm?: number;
  relevance?: number;
}

export interface SearchResult {
  /** Hits, counted up to the cap (first page only; follow-up pages carry no counts). */
  total?: number;
  /** True when counting stopped at the cap: there are at least `total` hits ("1,000+"). */
  totalIsLowerBound?: boolean;
  items: SearchHit[];
  facets?: Record<string, Record<string, number>>;
  /** True when the facets were counted over the capped hits only: estimates of the whole, not exact counts. */
  facetsEstimated?: boolean;
  nextCursor?: string;
}

/** Minimum trigram word similarity for a lexicon word to count as what the user meant. */
const WORD_SIMILARITY = 0.6;

/**
 * Runs a search: typo expansion against the lexicon and taxonomy expansion against skill labels
 * (one statement), then the search statement. Both the API and the benchmark's direct run use it.
 */
export async function runSearch(db: SqlRunner, criteria: SearchCriteria, skillLookup?: SkillLookup): Promise<SearchResult> {
  const { tsQuery, skillUris } = criteria.text ? await expand(db, criteria.text, skillLookup) : { tsQuery: undefined, skillUris: [] };
  const cap = criteria.countCap ?? COUNT_CAP;
  const statement = searchStatement(criteria, tsQuery, skillUris, cap);
  const [row] = rowsOf(await db.query(statement.sql, statement.params));
  const raw = (row?.items ?? []) as Array<Record<string, unknown>>;
  const items = raw.slice(0, criteria.limit);
  const last = items[items.length - 1];
  const counted = row?.total === null || row?.total === undefined ? undefined : Number(row.total);
  // The statement gathers one hit more than the cap: only then are there more than `cap`.
  const capped = counted !== undefined && counted > cap;
  const facets = criteria.facets && row && counted !== undefined ? facetsOf((row.facet_groups ?? []) as FacetGroup[]) : undefined;
  return {
    ...(counted !== undefined ? { total: Math.min(counted, cap), totalIsLowerBound: capped } : {}),
    items: items.map(toHit),
    ...(facets ? { facets, facetsEstimated: capped } : {}),
    ...(raw.length > criteria.limit && last ? { nextCursor: encodeCursor(last[statement.sortKey] as string | number, String(last.date_id)) } : {}),
  };
}

interface Expansion {
  tsQuery?: string;
  skillUris: string[];
}

/**
 * What the words of a search expand to (typos, compounds, taxonomy) depends on the lexicon and
 * the taxonomy, which change slowly: kept a minute per text, so repeated searches skip two round trips.
 */
const expansions = new Map<string, { at: number; expansion: Expansion }>();
const EXPANSION_TTL_MS = 60_000;
const MAX_EXPANSIONS = 5_000;

async function expand(db: SqlRunner, text: string, skillLookup?: SkillLookup): Promise<Expansion> {
  const key = text.trim().toLowerCase();
  const hit = expansions.get(key);
  if (hit && Date.now() - hit.at < EXPANSION_TTL_MS) return hit.expansion;
  const words = searchWords(text);
  const expansion: Expansion = words.length
    ? { tsQuery: tsQueryText(words, await similarWords(db, words)), skillUris: skillLookup ? await skillLookup(db, text) : [] }
    : { skillUris: [] };
  if (expansions.size >= MAX_EXPANSIONS) expansions.clear();
  expansions.set(key, { at: Date.now(), expansion });
  return expansion;
}

/**
 * Lexicon words that contain something close to each query word: typos ("Gabelstaplr") and
 * German compounds ("Stapler" → "gabelstapler") alike, by trigram word similarity.
 */
async function similarWords(db: SqlRunner, words: string[]): Promise<Map<string, string[]>> {
  const candidates = words.filter((word) => word.length >= 4);
  if (!candidates.length) return new Map();
  const rows = rowsOf(
    await db.query(
      `SELECT w.input, t.word FROM unnest($1::text[]) AS w(input)
       CROSS JOIN LATERAL (
         SELECT word FROM search_term
         WHERE w.input <% word AND word <> w.input AND word_similarity(w.input, word) >= $2
         ORDER BY word_similarity(w.input, word) DESC, similarity(w.input, word) DESC, word LIMIT 5
       ) t`,
      [candidates, WORD_SIMILARITY],
    ),
  );
  const similar = new Map<string, string[]>();
  for (const row of rows) similar.set(String(row.input), [...(similar.get(String(row.input)) ?? []), String(row.word)]);
  return similar;
}

/** Skill URIs whose labels contain the query words (taxonomy expansion); injected when a taxonomy is there. */
export type SkillLookup = (db: SqlRunner, text: string) => Promise<string[]>;

const FACET_NAMES = ['format', 'schedule', 'language', 'dqrLevel', 'targetGroup', 'azav', 'online'] as const;

/**
 * One group of hits as the statement returns it: grouped by one facet's column (the others null),
 * or, as before, by all of them at once; both add up the same.
 */
interface FacetGroup {
  schedule: string | null;
  language: string | null;
  dqr_level: number | null;
  azav_approved: boolean | null;
  online: boolean | null;
  formats: string[] | null;
  target_groups: string[] | null;
  n: number;
}

/** Facet counts from the hit groups: each group adds its size to each of its values. */
export function facetsOf(groups: readonly FacetGroup[]): Record<string, Record<string, number>> {
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, {} as Record<string, number>]));
  const add = (facet: (typeof FACET_NAMES)[number], value: string | number | boolean | null, n: number) => {
    if (value === null) return;
    const counts = facets[facet] as Record<string, number>;
    counts[String(value)] = (counts[String(value)] ?? 0) + n;
  };
  for (const group of groups) {
    add('schedule', group.schedule, group.n);
    add('language', group.language, group.n);
    add('dqrLevel', group.dqr_level, group.n);
    add('azav', group.azav_approved, group.n);
    add('online', group.online, group.n);
    for (const format of group.formats ?? []) add('format', format, group.n);
    for (const targetGroup of group.target_groups ?? []) add('targetGroup', targetGroup, group.n);
  }
  return facets;
}

function toHit(row: Record<string, unknown>): SearchHit {
  return {
    dateId: String(row.date_id),
    offerId: String(row.offer_id),
    providerId: String(row.provider_id),
    providerName: String(row.provider_name),
    title: String(row.title),
    startDate: String(row.start_date),
    endDate: String(row.end_date),
    schedule: String(row.schedule),
    online: Boolean(row.online),
    districtKey: (row.district_key as string | null) ?? null,
    postalCode: (row.postal_code as string | null) ?? null,
    city: (row.city as string | null) ?? null,
    seatsFree: Number(row.seats_free),
    minParticipants: Number(row.min_participants),
    maxParticipants: Number(row.max_participants),
    priceCents: Number(row.price_cents),
    hours: Number(row.hours),
    azavApproved: Boolean(row.azav_approved),
    formats: row.formats as string[],
    targetGroups: row.target_groups as string[],
    dqrLevel: row.dqr_level === null || row.dqr_level === undefined ? null : Number(row.dqr_level),
    language: String(row.language),
    programmeIds: row.programme_ids as string[],
    ...(row.distance_km !== null && row.distance_km !== undefined ? { distanceKm: Math.round(Number(row.distance_km) * 10) / 10 } : {}),
    ...(Number(row.rank) > 0 ? { relevance: Number(row.rank) } : {}),
  };
}
