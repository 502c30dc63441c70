import { EntityManager } from 'typeorm';
import { MATCH_CRITERIA, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { CompanyCost } from '../domain/company-cost';
import { CEILING_MARGIN } from '../domain/score-ceiling';
import { evaluateCandidate, Evaluation } from '../domain/scoring';
import { Weights } from '../domain/weights';
import { admissions } from './admissions';
import { CandidateRow, loadNeeds, NeedRecord } from './candidates';
import { matchRepository } from './match.repository';
import { candidateFacts, fundingFor, needFacts } from './need-facts';

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
 * indexes (GIN on the needs' skills, their sites within reach of a date, the window, seats) and
 * kept only where a date's score reaches the need's admission score (the lowest score that
 * changes anything for it), first its skill-coverage ceiling in SQL, then its exact score with
 * funding in the domain's own scoring.
 */
export async function offerReach(manager: EntityManager, offer: OfferSnapshotV1, settings: { defaultTravelKm: number; weights: Weights; today: string }): Promise<OfferReach> {
  const s = schemaOfManager(manager);
  const { weights, today } = settings;
  const holding = (await manager.query(`SELECT DISTINCT need_id AS id FROM "${s}".bundle_fits WHERE offer_id = $1`, [offer.id])) as Array<{ id: string }>;
  const holders = new Set([...holding.map((row) => row.id), ...(await matchRepository.needsWithActiveMatchesOn(manager, offer.id))]);
  const entrants: OfferReach['entrants'] = new Map();
  const dates = offer.status === 'published' ? offer.dates.filter((date) => date.seatsFree > 0 && date.startDate >= today) : [];
  if (!dates.length || !offer.skills.length) return { holders, entrants };
  const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  // The distance as retrieval measures it (date first): the same kilometres, so the same score.
  const pairs = (await manager.query(
    `SELECT n.id AS need_id, t.id AS date_id, CASE WHEN t.online THEN NULL ELSE public.ST_Distance(t.point, n.location) / 1000 END AS distance_km
       FROM (SELECT d.*, CASE WHEN d.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(d.lon, d.lat), 4326)::public.geography END AS point
               FROM unnest($1::uuid[], $2::boolean[], $3::float8[], $4::float8[], $5::date[], $6::date[]) AS d(id, online, lon, lat, start_date, end_date)) t
       JOIN "${s}".need_view n ON n.open AND n.skill_uris && $7::text[]
        AND (t.online OR public.ST_DWithin(n.location, t.point, coalesce(n.radius_km, $8) * 1000.0))
        AND t.start_date >= greatest(coalesce(n.earliest_start, $9::date), $9::date) AND (n.latest_end IS NULL OR t.end_date <= n.latest_end)
       LEFT JOIN "${s}".need_admission a ON a.need_id = n.id
      WHERE a.need_id IS NULL OR
            ($10 * coalesce((SELECT sum(x.w) FROM unnest(a.skill_uris, a.skill_weights) AS x(u, w) WHERE x.u = ANY($7::text[]))
                            / nullif((SELECT sum(w) FROM unnest(a.skill_weights) AS w), 0), 1) + $11) / $12 + $13 >= a.score`,
    [
      dates.map((d) => d.id),
      dates.map((d) => d.online),
      dates.map((d) => (!d.online && d.venue ? d.venue.location.lon : null)),
      dates.map((d) => (!d.online && d.venue ? d.venue.location.lat : null)),
      dates.map((d) => d.startDate),
      dates.map((d) => d.endDate),
      offer.skills,
      settings.defaultTravelKm,
      today,
      weights.skills,
      total - weights.skills,
      total,
      CEILING_MARGIN,
    ],
  )) as Array<{ need_id: string; date_id: string; distance_km: number | null }>;
  const fresh = [...new Set(pairs.map((pair) => pair.need_id))].filter((id) => !holders.has(id));
  const needs = new Map((await loadNeeds(manager, fresh)).map((need) => [need.id, need]));
  const admission = await admissions.of(manager, fresh);
  const [provider] = (await manager.query(`SELECT azav_approved FROM "${s}".partner_view WHERE id = $1`, [offer.providerId])) as Array<{ azav_approved: boolean }>;
  const reaching = new Set<string>();
  for (const pair of pairs) {
    const need = needs.get(pair.need_id);
    if (!need || holders.has(need.id)) continue;
    const row: CandidateRow = { courseDateId: pair.date_id, offer, providerAzavApproved: provider?.azav_approved ?? false, distanceKm: pair.distance_km === null ? null : Number(pair.distance_km) };
    const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
    const evaluation = evaluateCandidate(needFacts(need, settings.defaultTravelKm), candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), weights, today);
    if (evaluation.excluded) continue;
    const poolable = (offer.dates.find((date) => date.id === pair.date_id)?.minParticipants ?? 0) > 0;
    const entry = entrants.get(need.id) ?? { need, dates: [] };
    entry.dates.push({ row, evaluation, cost, poolable });
    entrants.set(need.id, entry);
    const bar = admission.get(need.id);
    if (bar === undefined || evaluation.score + CEILING_MARGIN >= bar) reaching.add(need.id);
  }
  for (const id of entrants.keys()) if (!reaching.has(id)) entrants.delete(id);
  return { holders, entrants };
}
