import { MatchStatus } from '@bildungsraum/contracts';

export type MatchAction = 'accept' | 'decline' | 'confirm' | 'reject' | 'withdraw';

/** Who answers: the company side (company, its coordinators) or the provider side. */
export const ACTION_SIDE: Record<Exclude<MatchAction, 'withdraw'>, 'company' | 'provider'> = {
  accept: 'company',
  decline: 'company',
  confirm: 'provider',
  reject: 'provider',
};

/**
 * proposed → accepted | declined (company); accepted → confirmed | rejected (provider); a company
 * may still decline an accepted proposal before the provider answers. Matching withdraws open
 * ones (and confirmed ones whose date is gone).
 */
const TRANSITIONS: Record<MatchAction, { from: readonly MatchStatus[]; to: MatchStatus }> = {
  accept: { from: ['proposed'], to: 'accepted' },
  decline: { from: ['proposed', 'accepted'], to: 'declined' },
  confirm: { from: ['accepted'], to: 'confirmed' },
  reject: { from: ['accepted'], to: 'rejected' },
  withdraw: { from: ['proposed', 'accepted', 'confirmed'], to: 'withdrawn' },
};

export class MatchTransitionError extends Error {
  constructor(
    readonly status: MatchStatus,
    readonly action: MatchAction,
  ) {
    super(`Vorschlag im Status „${status}“ kann nicht ${action} werden / a ${status} match cannot be ${action}ed`);
  }
}

/** The next status, or an error naming why not (→ 409). */
export function transition(status: MatchStatus, action: MatchAction): MatchStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) throw new MatchTransitionError(status, action);
  return rule.to;
}

export const ACTIVE_STATUSES: readonly MatchStatus[] = ['proposed', 'accepted', 'confirmed'];
