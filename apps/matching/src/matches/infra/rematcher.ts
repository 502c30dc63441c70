import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent, MATCH_CRITERIA, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { appendToOutbox } from '@bildungsraum/persistence';
import { Metrics } from '@bildungsraum/platform';
import { MatchingConfig } from '../../matching.config';
import { berlinDay, Clock, CLOCK } from '../../shared/domain/clock';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { FittingDate } from '../../pooling/infra/bundle-keeper';
import { poolNeed } from '../../pooling/infra/pooling';
import { needExactCost } from '../domain/cost-pruning';
import { planProposals } from '../domain/proposal-plan';
import { evaluateCandidate } from '../domain/scoring';
import { parseWeights, Weights } from '../domain/weights';
import { CEILING_MARGIN } from '../domain/score-ceiling';
import { dateStates, loadNeed, loadNeeds } from './candidates';
import { admissionBar, retrieveRanked } from './ranked-retrieval';
import { admissions } from './admissions';
import { matchEvent, MatchRecord, matchRepository } from './match.repository';
import { candidateFacts, fundingFor, needFacts } from './need-facts';

/**
 * Keeps one need's proposals current, inside the caller's transaction (an event handler's, so the
 * read model change, the matches and their events commit together). Retrieval goes through the
 * indexes (candidates.ts); scoring and the plan are pure domain rules.
 */
@Injectable()
export class Rematcher {
  private readonly weights: Weights;
  private readonly logger = new Logger(Rematcher.name);
  /** Seconds per re-match step (retrieval, pooling): what one change costs bundles and gaps, on /metrics. */
  private readonly steps?: ReturnType<Metrics['histogram']>;

  constructor(
    private readonly config: MatchingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() metrics?: Metrics,
  ) {
    this.weights = parseWeights(config.MATCH_WEIGHTS);
    this.steps = metrics?.histogram({
      name: 'matching_rematch_step_seconds',
      help: 'Duration of the steps of one need re-match: retrieval (candidates scored) and pooling (bundles and gaps)',
      labelNames: ['step'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
  }

  async rematchNeed(manager: EntityManager, needId: string): Promise<void> {
    const need = await loadNeed(manager, needId, { forUpdate: true });
    if (!need) return;
    const today = berlinDay(this.clock());
    const facts = needFacts(need, this.config.DEFAULT_TRAVEL_KM);
    const existing = await matchRepository.ofNeed(manager, need.id);
    const active = existing.filter((match) => ['proposed', 'accepted', 'confirmed'].includes(match.status));
    const minScore = this.config.MATCH_MIN_SCORE_PERCENT / 100;
    const answered = new Set(existing.filter((m) => m.status === 'declined' || m.status === 'rejected').map((m) => m.courseDateId));
    const goals = { topN: this.config.MATCH_TOP_N, poolFits: this.config.MATCH_POOL_FITS, minScore, answered, live: active.map((m) => m.courseDateId) };
    const { site, earliestStart, latestEnd } = need.snapshot;
    const filter = { lon: site.location.lon, lat: site.location.lat, radiusKm: facts.radiusKm, from: earliestStart && earliestStart > today ? earliestStart : today, to: latestEnd ?? null };
    const retrievalTimer = this.steps?.startTimer({ step: 'retrieval' });
    const retrieval =
      need.open && need.skillUris.length
        ? await retrieveRanked(manager, need, facts, filter, goals, this.weights, today, (courseDateId) =>
            this.logger.warn(`Score above its ceiling for date ${courseDateId} (need ${need.id}): scoring values more than the retrieval ceiling knows; scored every candidate`),
          )
        : { candidates: [], bar: Number.POSITIVE_INFINITY, exhaustive: false };
    retrievalTimer?.();
    const bounded = retrieval.candidates;

    // Exact funding only where it matters (cost-pruning.ts); for the others the lower bound decides.
    const exact = needExactCost(
      bounded.map(({ row, lower, upper }) => ({ courseDateId: row.courseDateId, lower, upper })),
      { topN: this.config.MATCH_TOP_N, minScore, answered, live: new Set(active.map((m) => m.courseDateId)) },
    );
    const scored = new Map<string, MatchRecord>();
    const fits: Array<FittingDate & { score: number; poolable: boolean }> = [];
    for (const { row, lower, poolable } of bounded) {
      if (!exact.has(row.courseDateId)) {
        if (lower >= minScore) fits.push({ courseDateId: row.courseDateId, offer: row.offer, score: lower, poolable });
        continue;
      }
      const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
      const evaluation = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), this.weights, today);
      if (evaluation.excluded) continue;
      if (evaluation.score >= minScore) fits.push({ courseDateId: row.courseDateId, offer: row.offer, score: evaluation.score, poolable });
      scored.set(row.courseDateId, {
        id: randomUUID(),
        version: 1,
        status: 'proposed',
        needId: need.id,
        companyId: need.snapshot.company.id,
        offerId: row.offer.id,
        courseDateId: row.courseDateId,
        providerId: row.offer.providerId,
        participants: need.snapshot.participants,
        score: evaluation.score,
        criteria: evaluation.criteria,
        explanation: evaluation.explanation,
        companyCostPerParticipantCents: cost.perParticipantCents,
        fundingProgrammeIds: cost.programmeIds,
      });
    }
    // The need's best bundle places: its best poolable fitting dates (ties by date id, as proposals).
    const poolFits = fits
      .filter((fit) => fit.poolable)
      .sort((a, b) => b.score - a.score || a.courseDateId.localeCompare(b.courseDateId))
      .slice(0, this.config.MATCH_POOL_FITS);
    // What a new course date must score to change anything here (offer events compare with it).
    const admission = need.open && !retrieval.exhaustive ? Math.min(retrieval.bar, admissionBar(fits, goals)) : null;
    await admissions.save(manager, need.id, admission === null ? undefined : { score: admission, skills: facts.skills });
    const states = await dateStates(manager, active, today);
    const plan = planProposals({
      needOpen: need.open,
      existing,
      ranked: [...scored.values()].map((match) => ({ courseDateId: match.courseDateId, score: match.score })),
      dateState: (courseDateId) => states.get(courseDateId) ?? 'date_removed',
      topN: this.config.MATCH_TOP_N,
      minScore,
    });

    const events: CloudEvent[] = [];
    const changed: MatchRecord[] = [];
    const byDate = new Map(existing.map((match) => [match.courseDateId, match]));
    const byId = new Map(existing.map((match) => [match.id, match]));
    for (const courseDateId of plan.propose) {
      const fresh = scored.get(courseDateId)!;
      const earlier = byDate.get(courseDateId);
      // A date proposed before and withdrawn keeps its match id: consumers follow one aggregate.
      const match: MatchRecord = earlier ? { ...fresh, id: earlier.id, version: earlier.version + 1 } : fresh;
      changed.push(match);
      events.push(matchEvent(match));
    }
    for (const { matchId, reasonCode } of plan.withdraw) {
      const match: MatchRecord = { ...byId.get(matchId)!, status: 'withdrawn', reason: reasonCode };
      match.version += 1;
      changed.push(match);
      events.push(matchEvent(match));
    }
    for (const matchId of plan.keep) {
      // Scores of kept matches follow the data quietly (no event: the proposal itself is unchanged).
      const match = byId.get(matchId)!;
      const fresh = scored.get(match.courseDateId);
      if (fresh && fresh.score !== match.score) changed.push({ ...match, score: fresh.score, criteria: fresh.criteria, explanation: fresh.explanation, companyCostPerParticipantCents: fresh.companyCostPerParticipantCents, fundingProgrammeIds: fresh.fundingProgrammeIds });
    }
    await matchRepository.saveAll(manager, changed);
    const poolingTimer = this.steps?.startTimer({ step: 'pooling' });
    events.push(...(await poolNeed(manager, need, poolFits, fits.length > 0)));
    poolingTimer?.();
    if (events.length) await appendToOutbox(manager, schemaOfManager(manager), events);
  }

  /**
   * The needs an offer's publication or change can concern: those holding matches or bundle
   * places on it (they may lose them), and the open needs it could enter the top of. The latter
   * are found through indexes (GIN on the needs' skills, their sites within reach of a date, the
   * window, seats) and kept only where the date's score reaches the need's admission score (the
   * lowest score that changes anything for it), first its skill-coverage ceiling in SQL, then its
   * exact score with funding in the domain's own scoring.
   */
  async needsConcernedByOffer(manager: EntityManager, offer: OfferSnapshotV1): Promise<string[]> {
    const s = schemaOfManager(manager);
    await manager.query(`SET LOCAL jit = off`);
    const holding = (await manager.query(`SELECT DISTINCT need_id AS id FROM "${s}".bundle_fits WHERE offer_id = $1`, [offer.id])) as Array<{ id: string }>;
    const ids = new Set([...holding.map((row) => row.id), ...(await matchRepository.needsWithActiveMatchesOn(manager, offer.id))]);
    const today = berlinDay(this.clock());
    const dates = offer.status === 'published' ? offer.dates.filter((date) => date.seatsFree > 0 && date.startDate >= today) : [];
    if (dates.length && offer.skills.length) {
      const total = MATCH_CRITERIA.reduce((sum, criterion) => sum + this.weights[criterion], 0);
      const pairs = (await manager.query(
        `SELECT n.id AS need_id, t.id AS date_id, CASE WHEN t.online THEN NULL ELSE public.ST_Distance(n.location, t.point) / 1000 END AS distance_km
           FROM (SELECT d.*, CASE WHEN d.lon IS NULL THEN NULL ELSE public.ST_SetSRID(public.ST_MakePoint(d.lon, d.lat), 4326)::public.geography END AS point
                   FROM unnest($1::uuid[], $2::boolean[], $3::float8[], $4::float8[], $5::date[], $6::date[]) AS d(id, online, lon, lat, start_date, end_date)) t
           JOIN "${s}".need_view n ON n.open AND n.skill_uris && $7::text[]
           LEFT JOIN "${s}".need_admission a ON a.need_id = n.id
            AND (t.online OR public.ST_DWithin(n.location, t.point, coalesce(n.radius_km, $8) * 1000.0))
            AND t.start_date >= greatest(coalesce(n.earliest_start, $9::date), $9::date) AND (n.latest_end IS NULL OR t.end_date <= n.latest_end)
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
          this.config.DEFAULT_TRAVEL_KM,
          today,
          this.weights.skills,
          total - this.weights.skills,
          total,
          CEILING_MARGIN,
        ],
      )) as Array<{ need_id: string; date_id: string; distance_km: number | null }>;
      const fresh = [...new Set(pairs.map((pair) => pair.need_id))].filter((id) => !ids.has(id));
      const needs = new Map((await loadNeeds(manager, fresh)).map((need) => [need.id, need]));
      const admission = await admissions.of(manager, fresh);
      const [provider] = (await manager.query(`SELECT azav_approved FROM "${s}".partner_view WHERE id = $1`, [offer.providerId])) as Array<{ azav_approved: boolean }>;
      for (const pair of pairs) {
        const need = needs.get(pair.need_id);
        if (!need || ids.has(need.id)) continue;
        // The date's exact score for this need (with funding), as its re-match would work it out.
        const row = { courseDateId: pair.date_id, offer, providerAzavApproved: provider?.azav_approved ?? false, distanceKm: pair.distance_km === null ? null : Number(pair.distance_km) };
        const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
        const exact = evaluateCandidate(needFacts(need, this.config.DEFAULT_TRAVEL_KM), candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), this.weights, today);
        const bar = admission.get(need.id);
        if (!exact.excluded && (bar === undefined || exact.score + CEILING_MARGIN >= bar)) ids.add(need.id);
      }
    }
    // A fixed order keeps concurrent handlers from locking needs in opposite orders.
    return [...ids].sort();
  }
}
