import { EntityManager } from 'typeorm';
import { MATCH_CRITERIA, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { Weights } from '../domain/weights';
import { CeilingTables } from './ceiling-tables';
import { DateState } from '../domain/proposal-plan';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { DESCRIPTION_CHARS } from './text-words';
import { textRelevanceBoundSql } from './text-bound-sql';
import { kmSql, withinSql } from './geo-sql';

export interface CandidateRow {
  courseDateId: string;
  offer: OfferSnapshotV1;
  providerAzavApproved: boolean;
  distanceKm: number | null;
}

/** The offer fields scoring reads, stored with each of its dates (course_date_view.offer_facts). */
export type OfferFacts = Pick<OfferSnapshotV1, 'providerId' | 'dqrLevel' | 'language' | 'formats' | 'targetGroups' | 'priceCents' | 'hours' | 'azavApproved' | 'measureNumber' | 'title' | 'description'>;

export function offerFacts(offer: OfferSnapshotV1): OfferFacts {
  return {
    providerId: offer.providerId,
    ...(offer.dqrLevel !== undefined ? { dqrLevel: offer.dqrLevel } : {}),
    language: offer.language,
    formats: offer.formats,
    targetGroups: offer.targetGroups,
    priceCents: offer.priceCents,
    hours: offer.hours,
    azavApproved: offer.azavApproved,
    ...(offer.measureNumber ? { measureNumber: offer.measureNumber } : {}),
    // Text relevance (criterion title) reads them; the text route searches them (text-candidates.ts).
    title: offer.title,
    description: offer.description.slice(0, DESCRIPTION_CHARS),
  };
}

/** A course date as retrieval finds it, before its offer snapshot is read: enough to bound its score. */
export interface LightCandidate {
  courseDateId: string;
  offerId: string;
  online: boolean;
  distanceKm: number | null;
  startDate: string;
  endDate: string;
  schedule: string;
  seatsFree: number;
  minParticipants: number;
  /** The offer's skills (to compute the coverage of the need's skills). */
  skillUris: string[];
  facts: OfferFacts;
  providerAzavApproved: boolean;
  /** The SQL score ceiling when the step was ranked (CeilingOrder), else null. */
  ceiling: number | null;
}

/**
 * The offer as far as the date's row knows it: the fields scoring and funding read and this one
 * date. Scores computed from it are checked against the real snapshot for every candidate kept
 * (ranked-retrieval).
 */
export function slimOffer(light: LightCandidate): OfferSnapshotV1 {
  const date = { id: light.courseDateId, startDate: light.startDate, endDate: light.endDate, schedule: light.schedule, online: light.online, seatsFree: light.seatsFree, minParticipants: light.minParticipants };
  // Deliberately partial: venue, contact etc. are not in the row and not read by scoring.
  return { id: light.offerId, skills: light.skillUris, ...light.facts, dates: [date] } as unknown as OfferSnapshotV1;
}

/** The need-side filters every candidate passes: window, seats, reach (online or within the radius). */
export interface CandidateFilter {
  lon: number;
  lat: number;
  radiusKm: number;
  from: string;
  to: string | null;
}

/** Over a date row `d` with its distance `km` (computed once, below the ranking). */
export const lightColumns = (s: string) => `d.id AS course_date_id, d.offer_id, d.online, d.start_date::text AS start_date, d.end_date::text AS end_date, d.schedule, d.seats_free,
            d.min_participants, d.skill_uris, d.offer_facts,
            coalesce((SELECT p.azav_approved FROM "${s}".partner_view p WHERE p.id = (d.offer_facts->>'providerId')::uuid), false) AS provider_azav,
            d.km AS distance_km`;

/** The date's distance from the need's site in km (null online), once per row. */
export const DISTANCE = `CROSS JOIN LATERAL (SELECT CASE WHEN d.online THEN NULL ELSE ${kmSql('d.location', 'here.point')} END AS km) x`;

/** The date `d` is online or its venue within the need's radius (`$3`, metres) of `here`. */
export const IN_REACH = `(d.online OR ${withinSql('d.location', 'here.point', '$3::float8')})`;

export type LightRow = {
  course_date_id: string;
  offer_id: string;
  online: boolean;
  start_date: string;
  end_date: string;
  schedule: string;
  seats_free: number;
  min_participants: number;
  skill_uris: string[];
  offer_facts: OfferFacts;
  provider_azav: boolean;
  distance_km: number | null;
  ceiling?: number | null;
};

export const toLight = (row: LightRow): LightCandidate => ({
  courseDateId: row.course_date_id,
  offerId: row.offer_id,
  online: row.online,
  distanceKm: row.distance_km === null ? null : Number(row.distance_km),
  startDate: row.start_date,
  endDate: row.end_date,
  schedule: row.schedule,
  seatsFree: row.seats_free,
  minParticipants: row.min_participants,
  skillUris: row.skill_uris,
  facts: row.offer_facts,
  providerAzavApproved: row.provider_azav,
  ceiling: row.ceiling === null || row.ceiling === undefined ? null : Number(row.ceiling),
});

/**
 * How to rank a step's dates in SQL: by a ceiling of their score from what the row knows. Skills
 * covered, distance and dates as criteria.ts values them (distanceValue, datesValue); level,
 * schedule, language and target group through lookup tables the domain's own criteria filled for
 * this need (ceiling-tables.ts); text relevance (criterion title) bounded by the need's word pieces
 * found in the date's stored, folded offer text (text-bound-sql.ts); format and price at their
 * best. ranked-retrieval checks it against
 * the domain's scoring of every date it reads, so a change there cannot go unnoticed.
 */
export interface CeilingOrder {
  skills: ReadonlyArray<{ uri: string; weight: number }>;
  weights: Weights;
  tables: CeilingTables;
  /** The need's words as their pieces (piecesOf), one array per word. */
  pieces: ReadonlyArray<readonly string[]>;
  limit: number;
}

/** The ceiling as one SQL expression over a date row `d` and its distance `x.km` (inline cases: cheap per row). */
function ceilingSql(order: CeilingOrder, filter: CandidateFilter, p: (value: unknown) => string): string {
  const w = order.weights;
  const x = order.tables;
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + w[criterion], 0);
  const skillTotal = order.skills.reduce((sum, skill) => sum + skill.weight, 0);
  const known = w.skills + w.distance + w.dates + w.level + w.schedule + w.language + w.target_group + w.title;
  const f = (value: number) => `${p(value)}::float8`;
  const coverage = order.skills.length ? order.skills.map((skill) => `CASE WHEN ${p(skill.uri)}::text = ANY(d.skill_uris) THEN ${f(skill.weight)} ELSE 0 END`).join(' + ') : '0';
  const schedule = `CASE d.schedule ${x.schedules.map(([name, value]) => `WHEN ${p(name)}::text THEN ${f(value)}`).join(' ')} ELSE 1 END`;
  // One array lookup by the date's mask of target groups (ceilingTables.groupsByMask).
  const group = `(${p(x.groupsByMask)}::float8[])[d.target_group_mask + 1]`;
  return `(${f(w.skills)} * (${coverage}) / ${f(skillTotal > 0 ? skillTotal : 1)}
        + ${f(w.distance)} * CASE WHEN x.km IS NULL THEN 1 ELSE greatest(0, 1 - 0.7 * least(1, x.km / greatest(1, ${f(filter.radiusKm)}))) END
        + ${f(w.dates)} * (1 - 0.3 * least(1, greatest(0, d.start_date - $4::date) / 180.0::float8))
        + ${f(w.level)} * coalesce((${p(x.levelByDqr)}::float8[])[coalesce(d.dqr_level, 0) + 1], 1)
        + ${f(w.schedule)} * ${schedule}
        + ${f(w.language)} * CASE WHEN d.offer_language = ${p(x.language)}::text THEN ${f(x.languageSame)} ELSE ${f(x.languageOther)} END
        + ${f(w.target_group)} * ${group}
        + ${f(w.title)} * ${textRelevanceBoundSql(order.pieces, p)}
        + ${f(total - known)}) / ${f(total)}`;
}

/**
 * Course dates of published offers teaching all skills of one of `subsets` (or, with `any`, one of
 * `skillUris`), through the GIN index on the dates' skills: in the need's window, not started,
 * with free seats, online or within the travel radius (GiST on the venue). `exclude`: dates
 * already read. With `order`, the best `limit` by score ceiling (LightCandidate.ceiling).
 */
export async function findCandidates(
  manager: EntityManager,
  skills: { skillUris: readonly string[]; subsets: string[][] | 'any' },
  filter: CandidateFilter,
  exclude: readonly string[] = [],
  order?: CeilingOrder,
): Promise<LightCandidate[]> {
  const [rows] = await findCandidateSteps(manager, skills.skillUris, [skills.subsets], filter, exclude, order);
  return rows!;
}

/** Several retrieval steps in one round trip (each with its own ranking and limit); rows per step. */
export async function findCandidateSteps(
  manager: EntityManager,
  skillUris: readonly string[],
  steps: ReadonlyArray<string[][] | 'any'>,
  filter: CandidateFilter,
  exclude: readonly string[] = [],
  order?: CeilingOrder,
): Promise<LightCandidate[][]> {
  const s = schemaOfManager(manager);
  const params: unknown[] = [filter.lon, filter.lat, filter.radiusKm * 1000, filter.from, filter.to, [...exclude]];
  const p = (value: unknown) => `$${params.push(value)}`;
  const ceiling = order ? ceilingSql(order, filter, p) : 'NULL::float8';
  const ranking = order ? `ORDER BY ceiling DESC, d.id LIMIT ${p(order.limit)}` : '';
  const selects = steps.map((subsets, step) => {
    const skillClause = subsets === 'any' ? `d.skill_uris && ${p([...skillUris])}::text[]` : `(${subsets.map((subset) => `d.skill_uris @> ${p(subset)}::text[]`).join(' OR ')})`;
    // Ranked below, projected above: the provider lookup runs only for the rows returned.
    return `(SELECT ${step} AS step, ${lightColumns(s)}, d.ceiling FROM (
       SELECT d.*, x.km, ${ceiling} AS ceiling
         FROM "${s}".course_date_view d CROSS JOIN here ${DISTANCE}
        WHERE d.published AND ${skillClause}
          AND d.start_date >= $4::date AND ($5::date IS NULL OR d.end_date <= $5::date)
          AND d.seats_free > 0
          AND ${IN_REACH}
          AND NOT (d.id = ANY($6::uuid[]))
        ${ranking}) d)`;
  });
  const rows = (await manager.query(
    `WITH here AS (SELECT public.ST_SetSRID(public.ST_MakePoint($1::float8, $2::float8), 4326)::public.geography AS point)
     ${selects.join(' UNION ALL ')}`,
    params,
  )) as Array<LightRow & { step: number }>;
  return steps.map((_, step) => rows.filter((row) => row.step === step).map(toLight));
}

/**
 * The given dates, if they still pass the need's filters (live matches are always scored). Not
 * only those sharing a skill: a match found by text relevance alone (criterion title) is live too;
 * scoring excludes a date that neither shares a skill nor answers the need's words.
 */
export async function findCandidatesById(manager: EntityManager, ids: readonly string[], filter: CandidateFilter): Promise<LightCandidate[]> {
  if (!ids.length) return [];
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `WITH here AS (SELECT public.ST_SetSRID(public.ST_MakePoint($1::float8, $2::float8), 4326)::public.geography AS point)
     SELECT ${lightColumns(s)}, NULL::float8 AS ceiling FROM (SELECT d.*, x.km FROM "${s}".course_date_view d CROSS JOIN here ${DISTANCE}
      WHERE d.id = ANY($6::uuid[]) AND d.published
        AND d.start_date >= $4::date AND ($5::date IS NULL OR d.end_date <= $5::date)
        AND d.seats_free > 0
        AND ${IN_REACH}) d`,
    [filter.lon, filter.lat, filter.radiusKm * 1000, filter.from, filter.to, [...ids]],
  )) as LightRow[];
  return rows.map(toLight);
}

/** Offer snapshots with their provider's AZAV approval, one query for all given offers. */
export async function loadOffers(manager: EntityManager, offerIds: readonly string[]): Promise<Map<string, { offer: OfferSnapshotV1; providerAzavApproved: boolean }>> {
  if (!offerIds.length) return new Map();
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `SELECT o.id, o.snapshot, coalesce(p.azav_approved, false) AS provider_azav
       FROM "${s}".offer_view o LEFT JOIN "${s}".partner_view p ON p.id = o.provider_id
      WHERE o.id = ANY($1::uuid[])`,
    [[...offerIds]],
  )) as Array<{ id: string; snapshot: OfferSnapshotV1; provider_azav: boolean }>;
  return new Map(rows.map((row) => [row.id, { offer: row.snapshot, providerAzavApproved: row.provider_azav }]));
}

/** Where the dates of existing matches stand: live, offer withdrawn, date removed or passed. */
export async function dateStates(manager: EntityManager, matches: ReadonlyArray<{ courseDateId: string; offerId: string }>, today: string): Promise<Map<string, DateState>> {
  if (!matches.length) return new Map();
  const s = schemaOfManager(manager);
  const rows = (await manager.query(
    `SELECT m.course_date_id AS id, o.status AS offer_status, d.start_date::text AS start_date
       FROM unnest($1::uuid[], $2::uuid[]) AS m(course_date_id, offer_id)
       LEFT JOIN "${s}".offer_view o ON o.id = m.offer_id
       LEFT JOIN "${s}".course_date_view d ON d.id = m.course_date_id AND d.offer_id = m.offer_id`,
    [matches.map((m) => m.courseDateId), matches.map((m) => m.offerId)],
  )) as Array<{ id: string; offer_status: string | null; start_date: string | null }>;
  return new Map(
    rows.map((row): [string, DateState] => {
      if (row.offer_status !== 'published') return [row.id, 'offer_withdrawn'];
      if (row.start_date === null) return [row.id, 'date_removed'];
      return [row.id, row.start_date < today ? 'date_passed' : 'live'];
    }),
  );
}
