import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { appendToOutbox } from '@bildungsraum/persistence';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem, Principal } from '@bildungsraum/platform';
import { directory } from '../../directory/infra/directory.repository';
import { mayReadMatch, speaksForCompany, speaksForProvider } from '../../shared/domain/actor';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE, schemaOfManager } from '../../shared/infra/matching-store';
import { ACTION_SIDE, MatchAction, MatchTransitionError, transition } from '../domain/match-lifecycle';
import { matchEvent, matchRepository } from '../infra/match.repository';
import { lockNeedForRematch } from '../infra/need-lock';
import { Rematcher } from '../infra/rematcher';
import { MatchView, toMatchView } from '../queries/match.view';

/** Answers that take a date out of the need's proposals for good: the next best one takes its place. */
const MAKES_ROOM: ReadonlySet<MatchAction> = new Set(['decline', 'reject']);

/**
 * The answers to a proposal. Who may: accept/decline the company (its users, coordinators of its
 * networks, operators); confirm/reject the course's provider (or an operator). Not visible → 404,
 * visible but the other side's answer → 403, wrong state → 409. A decline or reject re-matches the
 * open need in the same transaction, so the company again has its best N unanswered dates (and a
 * new offer compares with the need's true admission score).
 */
@Injectable()
export class MatchActionsHandler {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
    private readonly rematcher: Rematcher,
  ) {}

  answer(principal: Principal, id: string, action: Exclude<MatchAction, 'withdraw'>, reason?: string): Promise<MatchView> {
    return this.dataSource.transaction(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      // The need (skills, then row) before the match: the order offer and need handlers lock in.
      const peek = MAKES_ROOM.has(action) ? await matchRepository.load(manager, id) : undefined;
      const need = peek && (await lockNeedForRematch(manager, peek.needId));
      const match = await matchRepository.load(manager, id, { forUpdate: true });
      const company = match && (await directory.companyScope(manager, match.companyId));
      if (!match || !company || !mayReadMatch(actor, { company, providerId: match.providerId, status: match.status })) {
        throw new NotFoundProblem('Vorschlag nicht gefunden / match not found');
      }
      const allowed = ACTION_SIDE[action] === 'company' ? speaksForCompany(actor, company) : speaksForProvider(actor, match.providerId);
      if (!allowed) {
        throw new ForbiddenProblem(
          ACTION_SIDE[action] === 'company' ? 'Nur das Unternehmen oder seine Koordination antwortet hierauf / only the company side answers this' : 'Nur der Bildungsträger antwortet hierauf / only the provider answers this',
        );
      }
      let status;
      try {
        status = transition(match.status, action);
      } catch (error) {
        if (error instanceof MatchTransitionError) throw new ConflictProblem(error.message, { code: 'match.invalid-transition', status: match.status });
        throw error;
      }
      const next = { ...match, status, version: match.version + 1, ...(reason ? { reason } : {}) };
      if (!reason) delete next.reason;
      await matchRepository.save(manager, next);
      await appendToOutbox(manager, schemaOfManager(manager), [matchEvent(next)]);
      if (need?.open && need.id === next.needId && MAKES_ROOM.has(action)) await this.rematcher.rematchNeed(manager, need.id, need);
      return toMatchView(next);
    });
  }
}
