import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { appendToOutbox } from '@bildungsraum/persistence';
import { MatchingConfig } from '../../matching.config';
import { berlinDay, Clock, CLOCK } from '../../shared/domain/clock';
import { schemaOfManager } from '../../shared/infra/matching-store';
import { FittingDate } from '../../pooling/infra/bundle-keeper';
import { poolNeed } from '../../pooling/infra/pooling';
import { needExactCost } from '../domain/cost-pruning';
import { planProposals } from '../domain/proposal-plan';
import { evaluateCandidate } from '../domain/scoring';
import { parseWeights, Weights } from '../domain/weights';
import { dateStates, findCandidates, loadNeed } from './candidates';
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

  constructor(
    private readonly config: MatchingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.weights = parseWeights(config.MATCH_WEIGHTS);
  }

  async rematchNeed(manager: EntityManager, needId: string): Promise<void> {
    const need = await loadNeed(manager, needId, { forUpdate: true });
    if (!need) return;
    const today = berlinDay(this.clock());
    const facts = needFacts(need, this.config.DEFAULT_TRAVEL_KM);
    const rows = need.open && need.skillUris.length ? await findCandidates(manager, need, facts.radiusKm, today) : [];
    const existing = await matchRepository.ofNeed(manager, need.id);
    const active = existing.filter((match) => ['proposed', 'accepted', 'confirmed'].includes(match.status));
    const minScore = this.config.MATCH_MIN_SCORE_PERCENT / 100;

    // Bounds first (funding only moves the price criterion), exact funding only where it matters.
    const NO_NOTE = { de: '', en: '' };
    const bounded = rows.flatMap((row) => {
      const lower = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: row.offer.priceCents, note: NO_NOTE }), this.weights, today);
      if (lower.excluded) return [];
      const upper = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: 0, note: NO_NOTE }), this.weights, today);
      return [{ row, lower: lower.score, upper: upper.excluded ? lower.score : upper.score }];
    });
    const exact = needExactCost(
      bounded.map(({ row, lower, upper }) => ({ courseDateId: row.courseDateId, lower, upper })),
      {
        topN: this.config.MATCH_TOP_N,
        minScore,
        answered: new Set(existing.filter((m) => m.status === 'declined' || m.status === 'rejected').map((m) => m.courseDateId)),
        live: new Set(active.map((m) => m.courseDateId)),
      },
    );
    const scored = new Map<string, MatchRecord>();
    const fitting: FittingDate[] = [];
    for (const { row, lower } of bounded) {
      if (!exact.has(row.courseDateId)) {
        if (lower >= minScore) fitting.push({ courseDateId: row.courseDateId, offer: row.offer });
        continue;
      }
      const cost = fundingFor(need, row, FEDERAL_PROGRAMMES);
      const evaluation = evaluateCandidate(facts, candidateFacts(row, { perParticipantCents: cost.perParticipantCents, note: cost.note }), this.weights, today);
      if (evaluation.excluded) continue;
      if (evaluation.score >= minScore) fitting.push({ courseDateId: row.courseDateId, offer: row.offer });
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
    const byDate = new Map(existing.map((match) => [match.courseDateId, match]));
    const byId = new Map(existing.map((match) => [match.id, match]));
    for (const courseDateId of plan.propose) {
      const fresh = scored.get(courseDateId)!;
      const earlier = byDate.get(courseDateId);
      // A date proposed before and withdrawn keeps its match id: consumers follow one aggregate.
      const match: MatchRecord = earlier ? { ...fresh, id: earlier.id, version: earlier.version + 1 } : fresh;
      await matchRepository.save(manager, match);
      events.push(matchEvent(match));
    }
    for (const { matchId, reasonCode } of plan.withdraw) {
      const match: MatchRecord = { ...byId.get(matchId)!, status: 'withdrawn', reason: reasonCode };
      match.version += 1;
      await matchRepository.save(manager, match);
      events.push(matchEvent(match));
    }
    for (const matchId of plan.keep) {
      // Scores of kept matches follow the data quietly (no event: the proposal itself is unchanged).
      const match = byId.get(matchId)!;
      const fresh = scored.get(match.courseDateId);
      if (fresh && fresh.score !== match.score) await matchRepository.save(manager, { ...match, score: fresh.score, criteria: fresh.criteria, explanation: fresh.explanation, companyCostPerParticipantCents: fresh.companyCostPerParticipantCents, fundingProgrammeIds: fresh.fundingProgrammeIds });
    }
    events.push(...(await poolNeed(manager, need, fitting)));
    if (events.length) await appendToOutbox(manager, schemaOfManager(manager), events);
  }

  /** Open needs that share a skill with the offer (GIN on need_view.skill_uris), plus those holding matches or bundle places on it. */
  async needsConcernedByOffer(manager: EntityManager, offerId: string, skillUris: readonly string[]): Promise<string[]> {
    const s = schemaOfManager(manager);
    const rows = (await manager.query(
      `SELECT id FROM "${s}".need_view WHERE open AND skill_uris && $1::text[] UNION SELECT need_id FROM "${s}".bundle_fits WHERE offer_id = $2`,
      [skillUris, offerId],
    )) as Array<{ id: string }>;
    const ids = new Set([...rows.map((row) => row.id), ...(await matchRepository.needsWithActiveMatchesOn(manager, offerId))]);
    // A fixed order keeps concurrent handlers from locking needs in opposite orders.
    return [...ids].sort();
  }
}
