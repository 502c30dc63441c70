import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MATCH_CRITERIA, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { poolsNeed } from '../../pooling/domain/bundle-rules';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CompanyCost } from '../domain/company-cost';
import { CEILING_MARGIN } from '../domain/score-ceiling';
import { evaluateCandidate, Evaluation } from '../domain/scoring';
import { Weights } from '../domain/weights';
import { admissions } from './admissions';
import { CandidateRow } from './candidates';
import { loadNeeds, NeedRecord } from './need-records';
import { matchRepository } from './match.repository';
import { candidateFacts, fundingFor, NO_NOTE, needFacts } from './need-facts';
import { kmSql, withinSql } from './geo-sql';
import { mayAnswerByTextSql, needTextBoundJoin } from './text-bound-sql';
import { offerWordSubstrings } from './text-words';

const logger = new Logger('OfferReach');

/** One of the offer's dates scored exactly (with funding) for a need, as its re-match would score it. */
export interface ScoredDate {
  row: CandidateRow;
  evaluation: Exclude<Evaluation, { excluded: string }>;
  cost: CompanyCost;
  poolable: boolean;
}

export interface OfferReach {
  /** Needs holding matches or bundle places on the offer: they may lose them. */
  holders: Set<string>;
  /** Open needs not holding any whose admission score one of the offer's dates reaches, with every date not excluded for them. */
  entrants: Map<string, { need: NeedRecord; dates: ScoredDate[] }>;
}

/**
 * The needs an offer's publication or change can concern: those holding matches or bundle
 * places on it, and the open needs it could enter the top of. The latter are found through
 * indexes (GIN on the needs' skills or on their word pieces, their sites within reach of a date,
 * the window, seats) and kept only where a date's score reaches the need's admission score (the
 * lowest score that changes anything for it; for a date that cannot pool the need, the bar of its
 * top proposals), first its skill-coverage ceiling in SQL, then its exact score with funding in the
 * domain's own scoring.
 */
export async function offerReach(
  manager: EntityManager,
  offer: OfferSnapshotV1,
  settings: { defaultTravelKm: number; weights: Weights; today: string; /** Tests: how many word lookup rows are listed by id (WORD_LOOKUP_ROWS). */ wordLookupRows?: number },
): Promise<OfferReach> {
  const s = schemaOfManager(manager);
  const { weights, today } = settings;
  const holding = (await manager.query(`SELECT DISTINCT need_id AS id FROM "${s}".bundle_fits WHERE offer_id = $1`, [offer.id])) as Array<{ id: string }>;
  const holders = new Set([...holding.map((row) => row.id), ...(await matchRepository.needsWithActiveMatchesOn(manager, offer.id))]);
  const entrants: OfferReach['entrants'] = new Map();
  const dates = offer.status === 'published' ? offer.dates.filter((date) => date.seatsFree > 0 && date.startDate >= today) : [];
  if (!dates.length) return { holders, entrants };
  // Needs sharing a skill with the offer, and those that share none but whose words it may answer.
  // A date pools a need sharing a skill if it has a minimum of participants (poolsNeed); one that
  // cannot is compared with the need's proposal bar only (it can enter the top N, no bundle place).
  // answersByText admits a date sharing no skill only with a need word in its title or two in its
  // text, and relevance of at least MIN_TEXT_ONLY_RELEVANCE: the words route finds needs with a
  // piece among the substrings of the title's words, or – needs of two words or more – of the
  // text's (GIN), and keeps those whose per-word bound (text-bound-sql.ts) passes the same test.
  const substrings = offerWordSubstrings(offer);
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  // A ceiling of the date's score for the need, from what SQL knows: skill coverage with the
  // weights of its admission (none on the words route: it shares no skill by construction),
  // distance, start and level valued as criteria.ts values them, the offer's words by their
  // per-word bound, every other criterion at its best. Only needs whose admission score it
  // reaches are loaded and scored.
  const known = weights.skills + weights.distance + weights.dates + weights.level + weights.title;
  const { reachMetres, wordNeeds } = await prelude(manager, s, settings.defaultTravelKm, substrings, settings.wordLookupRows ?? WORD_LOOKUP_ROWS);
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  type Date = (typeof dates)[number];
  const venue = (date: Date) => (!date.online && date.venue ? date.venue.location : undefined);
  // One branch per date and route, the date's values as plain parameters: Postgres plans each
  // with the venue's point and the search radius known, and weighs the GiST index on the open
  // needs' sites against the GIN index on their skills (or both at once) by what they select.
  // (Dates given as arrays and the radius as a subquery left it blind: it walked every open need
  // within reach of a venue – ~10,000 of 50,000 – to keep the few hundred sharing a skill.)
  // Online dates reach every need; venue dates only needs within their radius, searched within
  // the longest radius any open need has, then exactly per need. A date without a venue that is
  // not online reaches nobody.
  const reachable = dates.filter((date) => date.online || venue(date));
  const [skills, radius, day, level] = [p(offer.skills), p(settings.defaultTravelKm), p(today), p(offer.dqrLevel ?? null)];
  const [titleWords, allWords] = [`${p(substrings.title)}::text[]`, `${p(substrings.all)}::text[]`];
  const from = `greatest(coalesce(n.earliest_start, ${day}::date), ${day}::date)`;
  const joins = {
    skills: () => `n.skill_uris && ${skills}::text[]`,
    // The needs the prelude found by their words, or – too many to list – the test on the index.
    words: () => `${wordNeeds ? `n.id = ANY(${p(wordNeeds)}::uuid[])` : `(n.word_pieces && ${titleWords} OR n.multiword_pieces && ${allWords})`} AND NOT (n.skill_uris && ${skills}::text[])`,
  };
  const dateRow = (date: Date) => {
    const at = venue(date);
    const point = at ? `public.ST_SetSRID(public.ST_MakePoint(${p(at.lon)}::float8, ${p(at.lat)}::float8), 4326)::public.geography` : 'NULL::public.geography';
    return `(SELECT ${p(date.id)}::uuid AS id, ${p(date.online)}::boolean AS online, ${point} AS point, ${p(date.startDate)}::date AS start_date, ${p(date.endDate)}::date AS end_date, ${p(date.minParticipants)}::int AS min_participants) t`;
  };
  const within = (date: Date) => (date.online ? '' : `AND ${withinSql('n.location', 't.point', `${p(reachMetres)}::float8`)} AND ${withinSql('n.location', 't.point', `coalesce(n.radius_km, ${radius}) * 1000.0`)}`);
  const sql = (route: keyof typeof joins, date: Date) => `SELECT n.id AS need_id, t.id AS date_id, x.km AS distance_km, c.ceiling
       FROM ${dateRow(date)}
       JOIN "${s}".need_view n ON n.open AND ${joins[route]()} ${within(date)}
        AND t.start_date >= ${from} AND (n.latest_end IS NULL OR t.end_date <= n.latest_end)
       -- The distance as retrieval measures it (date first): the same kilometres, so the same score.
       CROSS JOIN LATERAL (SELECT CASE WHEN t.online THEN NULL ELSE ${kmSql('t.point', 'n.location')} END AS km, (n.snapshot->>'dqrLevel')::int AS level) x
       ${needTextBoundJoin(titleWords, allWords, p)}
       LEFT JOIN "${s}".need_admission a ON a.need_id = n.id
       CROSS JOIN LATERAL (SELECT (
              ${route === 'words' ? '0' : `${p(weights.skills)}::float8 * coalesce((SELECT sum(u.w) FROM unnest(a.skill_uris, a.skill_weights) AS u(uri, w) WHERE u.uri = ANY(${skills}::text[]))
                                              / nullif((SELECT sum(w) FROM unnest(a.skill_weights) AS w), 0), 1)`}
            + ${p(weights.distance)}::float8 * CASE WHEN x.km IS NULL THEN 1 ELSE greatest(0, 1 - 0.7 * least(1, x.km / greatest(1, coalesce(n.radius_km, ${radius})))) END
            + ${p(weights.dates)}::float8 * (1 - 0.3 * least(1, greatest(0, t.start_date - ${from}) / 180.0::float8))
            + ${p(weights.level)}::float8 * CASE WHEN x.level IS NULL OR ${level}::int IS NULL THEN 0.5 WHEN x.level = ${level}::int THEN 1 WHEN abs(x.level - ${level}::int) = 1 THEN 0.6 ELSE 0.2 END
            + ${p(weights.title)}::float8 * tb.bound
            + ${p(total - known)}::float8) / ${p(total)}::float8 AS ceiling) c
      WHERE (a.need_id IS NULL OR c.ceiling + ${p(CEILING_MARGIN)}::float8 >= ${route === 'skills' ? 'CASE WHEN t.min_participants > 0 THEN a.score ELSE coalesce(a.proposal_score, a.score) END' : 'coalesce(a.proposal_score, a.score)'})${route === 'words' ? ` AND ${mayAnswerByTextSql(p)}` : ''}`;
  type Pair = { need_id: string; date_id: string; distance_km: number | null; ceiling: number };
  // One round trip; every parameter is used by the statement (Postgres cannot type one that is not).
  const routes = [...(offer.skills.length ? ['skills' as const] : []), ...(substrings.all.length && wordNeeds?.length !== 0 ? ['words' as const] : [])];
  const branches = routes.flatMap((route) => reachable.map((date) => `(${sql(route, date)})`));
  const pairs = branches.length ? ((await manager.query(branches.join(' UNION ALL '), params)) as Pair[]) : [];
  const fresh = [...new Set(pairs.map((pair) => pair.need_id))].filter((id) => !holders.has(id));
  const needs = new Map((await loadNeeds(manager, fresh)).map((need) => [need.id, need]));
  const admission = await admissions.of(manager, fresh);
  const [provider] = (await manager.query(`SELECT azav_approved FROM "${s}".partner_view WHERE id = $1`, [offer.providerId])) as Array<{ azav_approved: boolean }>;
  const reaching = new Set<string>();
  // A need's facts once, however many of the offer's dates it meets (reading its words is not free).
  const facts = new Map<string, ReturnType<typeof needFacts>>();
  const factsOf = (need: NeedRecord) => facts.get(need.id) ?? facts.set(need.id, needFacts(need, settings.defaultTravelKm)).get(need.id)!;
  for (const pair of pairs) {
    const need = needs.get(pair.need_id);
    if (!need || holders.has(need.id)) continue;
    const row: CandidateRow = { courseDateId: pair.date_id, offer, providerAzavApproved: provider?.azav_approved ?? false, distanceKm: pair.distance_km === null ? null : Number(pair.distance_km) };
    const poolable = poolsNeed(offer.dates.find((date) => date.id === pair.date_id)?.minParticipants ?? 0, offer.skills, need.skillUris);
    const bars = admission.get(need.id);
    const bar = bars && (poolable ? bars.score : bars.proposalScore);
    // First at no cost – the most funding can do: a date that cannot reach the need's bar even
    // then changes nothing for it, and its funding (most of an offer's time in Node) is not worked out.
    const best = evaluateCandidate(factsOf(need), candidateFacts(row, { perParticipantCents: 0, note: NO_NOTE }), weights, today);
    if (best.excluded) continue;
    // Should scoring ever value something the SQL ceiling does not know, say so: needs it pruned may be missed.
    if (best.score > Number(pair.ceiling) + CEILING_MARGIN) logger.warn(`Score ${best.score} above the offer reach's ceiling ${pair.ceiling} (need ${need.id}, date ${pair.date_id}): the ceiling misses a criterion`);
    if (bar !== undefined && best.score + CEILING_MARGIN < bar) continue;
    const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
    const evaluation = evaluateCandidate(factsOf(need), candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), weights, today);
    if (evaluation.excluded) continue;
    const entry = entrants.get(need.id) ?? { need, dates: [] };
    entry.dates.push({ row, evaluation, cost, poolable });
    entrants.set(need.id, entry);
    if (bar === undefined || evaluation.score + CEILING_MARGIN >= bar) reaching.add(need.id);
  }
  for (const id of entrants.keys()) if (!reaching.has(id)) entrants.delete(id);
  return { holders, entrants };
}

/**
 * Rows the prelude's word lookups may return (a need once per piece it shares) before the words
 * route gives up listing needs by id and tests the index per date within reach instead.
 */
const WORD_LOOKUP_ROWS = 400;

/**
 * One round trip before the reach: the longest radius any open need has (venue dates search the
 * needs' sites within it) and the open needs with a piece among the offer title's substrings or –
 * needs of two words or more – its text's, looked up in the GIN indexes one piece at a time. (The
 * planner estimates an overlap with hundreds of pieces as a sizeable share of all needs and then
 * reads every one of them – 75–110 ms at 50,000 open needs for an online date – where the lookups
 * take well under a millisecond.) Undefined `wordNeeds`: the lookups found more than
 * WORD_LOOKUP_ROWS – a word many needs share – and the words route tests the index per date.
 */
async function prelude(manager: EntityManager, s: string, defaultTravelKm: number, substrings: { title: string[]; all: string[] }, listed: number): Promise<{ reachMetres: number; wordNeeds?: string[] }> {
  const [row] = (await manager.query(
    `SELECT greatest(coalesce((SELECT max(radius_km) FROM "${s}".need_view WHERE open), 0),
                     CASE WHEN EXISTS (SELECT 1 FROM "${s}".need_view WHERE open AND radius_km IS NULL) THEN $1::float8 ELSE 0 END) * 1000.0 AS reach_m,
            ARRAY(SELECT n.id FROM unnest($2::text[]) AS piece CROSS JOIN LATERAL (SELECT id FROM "${s}".need_view WHERE open AND word_pieces @> ARRAY[piece]) n
                  UNION ALL
                  SELECT n.id FROM unnest($3::text[]) AS piece CROSS JOIN LATERAL (SELECT id FROM "${s}".need_view WHERE open AND multiword_pieces @> ARRAY[piece]) n
                  LIMIT $4) AS word_needs`,
    [defaultTravelKm, substrings.title, substrings.all, listed + 1],
  )) as Array<{ reach_m: number; word_needs: string[] }>;
  const found = row!.word_needs;
  return { reachMetres: Number(row!.reach_m), ...(found.length <= listed ? { wordNeeds: [...new Set(found)] } : {}) };
}
