import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CloudEvent, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { appendToOutbox } from '@bildungsraum/persistence';
import { Metrics } from '@bildungsraum/platform';
import { MatchingConfig } from '../../matching.config';
import { coreSkills } from '../../pooling/domain/core-skills';
import { movePlaces, PlaceMove } from '../../pooling/infra/bundle-places';
import { gapKeeper } from '../../pooling/infra/gap-keeper';
import { berlinDay, Clock, CLOCK } from '../../shared/domain/clock';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { insertDates } from '../domain/offer-insertion';
import { parseWeights, Weights } from '../domain/weights';
import { Admission, admissions } from './admissions';
import { NeedRecord } from './need-records';
import { matchEvent, MatchRecord, matchRepository, proposedMatch } from './match.repository';
import { offerReach, ScoredDate } from './offer-reach';
import { Rematcher } from './rematcher';

/**
 * An offer published or changed, applied to the needs it concerns inside the handler's
 * transaction. Needs holding a match or bundle place on it are re-matched in full (they may lose
 * them: offer withdrawn, date removed, seats gone). Every other open need whose admission score a
 * date reaches gets the offer's dates inserted into its top proposals and bundle places
 * (domain/offer-insertion.ts) – the outcome a full re-match would have, without retrieving and
 * scoring its other candidates again – written set-wise for all of them: matches in one statement,
 * bundle places in one, each touched bundle recomputed once, admissions in one, events in one.
 * A need the insertion cannot decide for (no places stored yet, a confirmed match) is re-matched.
 */
@Injectable()
export class OfferInserter {
  private readonly weights: Weights;
  /** Needs an offer concerned, by how they were brought up to date: what an offer costs, on /metrics. */
  private readonly needs?: ReturnType<Metrics['counter']>;

  constructor(
    private readonly config: MatchingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rematcher: Rematcher,
    @Optional() metrics?: Metrics,
  ) {
    this.weights = parseWeights(config.MATCH_WEIGHTS);
    this.needs = metrics?.counter({ name: 'matching_offer_needs_total', help: 'Needs an offer event concerned: offer inserted into their proposals and places, or re-matched in full', labelNames: ['path'] });
  }

  /** Returns how many needs had the offer inserted and how many were re-matched in full. */
  async apply(manager: EntityManager, offer: OfferSnapshotV1): Promise<{ inserted: number; rematched: number }> {
    const s = schemaOfManager(manager);
    const reach = await offerReach(manager, offer, { defaultTravelKm: this.config.DEFAULT_TRAVEL_KM, weights: this.weights, today: berlinDay(this.clock()) });
    const entering = [...reach.entrants.keys()].sort();
    const concerned = [...new Set([...reach.holders, ...entering])].sort();
    if (!concerned.length) return { inserted: 0, rematched: 0 };
    // A fixed order keeps concurrent handlers from locking needs in opposite orders.
    await manager.query(`SELECT 1 FROM "${s}".need_view WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [concerned]);
    const admitted = await admissions.withPlaces(manager, entering);
    const held = await matchRepository.ofNeeds(manager, entering);
    const gapped = new Set(((await manager.query(`SELECT DISTINCT need_id::text AS id FROM "${s}".gap_demand WHERE need_id = ANY($1::uuid[])`, [entering])) as Array<{ id: string }>).map((row) => row.id));

    const full = new Set(reach.holders);
    const changed: MatchRecord[] = [];
    const events: CloudEvent[] = [];
    const moves: PlaceMove[] = [];
    const admitting: Array<Admission & { needId: string }> = [];
    const leavingGaps: NeedRecord[] = [];
    for (const needId of entering) {
      const { need, dates } = reach.entrants.get(needId)!;
      const admission = admitted.get(needId);
      const matches = held.get(needId) ?? [];
      const insertion = admission && this.insert(matches, admission, dates);
      if (!admission || !insertion) {
        full.add(needId);
        continue;
      }
      const byDate = new Map(dates.map((date) => [date.row.courseDateId, date]));
      const earlier = new Map(matches.map((match) => [match.courseDateId, match]));
      for (const courseDateId of insertion.propose) {
        const { row, evaluation, cost } = byDate.get(courseDateId)!;
        const fresh = proposedMatch(need, row, evaluation, cost);
        // A date proposed before and withdrawn keeps its match id: consumers follow one aggregate.
        const before = earlier.get(courseDateId);
        const match = before ? { ...fresh, id: before.id, version: before.version + 1 } : fresh;
        changed.push(match);
        events.push(matchEvent(match));
      }
      for (const matchId of insertion.outranked) {
        const match = matches.find((candidate) => candidate.id === matchId)!;
        const withdrawn: MatchRecord = { ...match, status: 'withdrawn', reason: 'outranked', version: match.version + 1 };
        changed.push(withdrawn);
        events.push(matchEvent(withdrawn));
      }
      if (insertion.added.length || insertion.evicted.length) {
        const scoreOf = new Map(insertion.places.map((place) => [place.courseDateId, place.score]));
        moves.push({ need: poolingFacts(need), added: insertion.added.map((courseDateId) => ({ courseDateId, offerId: offer.id, score: scoreOf.get(courseDateId)! })), evicted: insertion.evicted });
      }
      if (insertion.fits && gapped.has(needId)) leavingGaps.push(need);
      admitting.push({ needId, score: insertion.admission, proposalScore: insertion.proposalAdmission, skills: admission.skills, retrievalBar: admission.retrievalBar, places: insertion.places });
    }

    for (const needId of [...full].sort()) await this.rematcher.rematchNeed(manager, needId);
    await matchRepository.saveAll(manager, changed);
    await admissions.saveAll(manager, admitting);
    events.push(...(await movePlaces(manager, moves, new Map(offer.dates.map((date) => [date.id, offer])))));
    for (const need of leavingGaps) {
      const n = need.snapshot;
      events.push(...(await gapKeeper.replaceDemand(manager, { ...poolingFacts(need), targetGroups: n.targetGroups, core: coreSkills(n.skillUris, need.textSkills, need.corrections) }, false)));
    }
    if (events.length) await appendToOutbox(manager, s, events);
    this.needs?.inc({ path: 'inserted' }, admitting.length);
    this.needs?.inc({ path: 'rematched' }, full.size);
    return { inserted: admitting.length, rematched: full.size };
  }

  private insert(matches: readonly MatchRecord[], admission: Admission, dates: readonly ScoredDate[]) {
    return insertDates({
      matches,
      places: admission.places,
      entrants: dates.map((date) => ({ courseDateId: date.row.courseDateId, score: date.evaluation.score, poolable: date.poolable })),
      topN: this.config.MATCH_TOP_N,
      poolFits: this.config.MATCH_POOL_FITS,
      minScore: this.config.MATCH_MIN_SCORE_PERCENT / 100,
    });
  }
}

/** The need as bundles and gaps count it. */
function poolingFacts(need: NeedRecord) {
  const n = need.snapshot;
  return { id: need.id, companyId: n.company.id, participants: n.participants, districtKey: n.site.districtKey, open: need.open };
}
