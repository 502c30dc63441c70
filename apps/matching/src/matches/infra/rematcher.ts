import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, OfferSnapshotV1 } from '@bildungsraum/contracts';
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
import { dateStates } from './candidates';
import { loadNeed, NeedRecord } from './need-records';
import { admissionBars, retrieveRanked } from './ranked-retrieval';
import { indexCandidates, sqlCandidates } from './candidate-source';
import { CourseDateIndex } from './course-date-index';
import { admissions } from './admissions';
import { offerReach } from './offer-reach';
import { matchEvent, MatchRecord, matchRepository, proposedMatch } from './match.repository';
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
  /** This replica's course dates in memory (MATCH_RETRIEVAL=memory), shared by all its handlers. */
  private readonly index?: CourseDateIndex;

  constructor(
    private readonly config: MatchingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() metrics?: Metrics,
  ) {
    this.weights = parseWeights(config.MATCH_WEIGHTS);
    if (config.MATCH_RETRIEVAL === 'memory') this.index = new CourseDateIndex();
    this.steps = metrics?.histogram({
      name: 'matching_rematch_step_seconds',
      help: 'Duration of the steps of one need re-match: retrieval (candidates scored) and pooling (bundles and gaps)',
      labelNames: ['step'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    });
  }

  /** Loads the course date index (at start, so the first need does not wait for it); the dates it holds. */
  async prepare(manager: EntityManager): Promise<number | undefined> {
    await this.index?.sync(manager);
    return this.index?.size;
  }

  /** `known`: the need as its handler just wrote it (locked by that write), so it is not read again. */
  async rematchNeed(manager: EntityManager, needId: string, known?: NeedRecord): Promise<void> {
    const need = known ?? (await loadNeed(manager, needId, { forUpdate: true }));
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
      need.open && (need.skillUris.length || facts.words.length)
        ? await retrieveRanked(manager, this.index ? await indexCandidates(manager, this.index) : sqlCandidates(manager), need, facts, filter, goals, this.weights, today, (courseDateId) =>
            this.logger.warn(`Score above its ceiling for date ${courseDateId} (need ${need.id}): scoring values more than the retrieval ceiling knows; scored every candidate`),
          )
        : { candidates: [], bar: Number.POSITIVE_INFINITY, exhaustive: false };
    retrievalTimer?.();
    const bounded = retrieval.candidates;

    // Exact funding only where it matters (cost-pruning.ts); for the others the lower bound decides.
    const exact = needExactCost(
      bounded.map(({ row, lower, upper, poolable }) => ({ courseDateId: row.courseDateId, lower, upper, poolable })),
      { topN: this.config.MATCH_TOP_N, poolFits: this.config.MATCH_POOL_FITS, minScore, answered, live: new Set(active.map((m) => m.courseDateId)) },
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
      scored.set(row.courseDateId, proposedMatch(need, row, evaluation, cost));
    }
    // The need's best bundle places: its best poolable fitting dates (ties by date id, as proposals).
    const poolFits = fits
      .filter((fit) => fit.poolable)
      .sort((a, b) => b.score - a.score || a.courseDateId.localeCompare(b.courseDateId))
      .slice(0, this.config.MATCH_POOL_FITS);
    // What a new course date must score to change anything here (offer events compare with it);
    // one that cannot pool the need only matters if it enters the top N: the proposal bar. Both
    // from exact scores (cost-pruning.ts): the retrieval's own bar, from lower bounds, is at most
    // these, and every date it left unread has a ceiling below it.
    const bars = need.open && !retrieval.exhaustive ? admissionBars(fits, goals) : null;
    const places = poolFits.map(({ courseDateId, score }) => ({ courseDateId, score }));
    await admissions.save(
      manager,
      need.id,
      bars === null ? undefined : { score: Math.min(bars.proposals, bars.places), proposalScore: bars.proposals, skills: facts.skills, retrievalBar: retrieval.bar, places },
    );
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
      // Scores, costs and explanations of kept matches follow the data quietly (no event: the
      // proposal itself is unchanged) – a cost can change without the score (a price already
      // within budget, a company's new head count).
      const match = byId.get(matchId)!;
      const fresh = scored.get(match.courseDateId);
      const moved = fresh && (fresh.score !== match.score || fresh.companyCostPerParticipantCents !== match.companyCostPerParticipantCents || fresh.explanation.de !== match.explanation.de);
      if (fresh && moved) changed.push({ ...match, score: fresh.score, criteria: fresh.criteria, explanation: fresh.explanation, companyCostPerParticipantCents: fresh.companyCostPerParticipantCents, fundingProgrammeIds: fresh.fundingProgrammeIds });
    }
    await matchRepository.saveAll(manager, changed);
    const poolingTimer = this.steps?.startTimer({ step: 'pooling' });
    events.push(...(await poolNeed(manager, need, poolFits, fits.length > 0)));
    poolingTimer?.();
    if (events.length) await appendToOutbox(manager, schemaOfManager(manager), events);
  }

  /** The needs an offer's publication or change can concern (offer-reach.ts), in a fixed order: concurrent handlers lock them alike. */
  async needsConcernedByOffer(manager: EntityManager, offer: OfferSnapshotV1): Promise<string[]> {
    const reach = await offerReach(manager, offer, { defaultTravelKm: this.config.DEFAULT_TRAVEL_KM, weights: this.weights, today: berlinDay(this.clock()) });
    return [...reach.holders, ...reach.entrants.keys()].sort();
  }
}
