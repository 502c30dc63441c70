import { MatchStatus } from '@bildungsraum/contracts';

export interface ExistingMatch {
  id: string;
  courseDateId: string;
  status: MatchStatus;
}

export interface RankedCandidate {
  courseDateId: string;
  score: number;
}

/** Where a course date of an existing match stands now. */
export type DateState = 'live' | 'offer_withdrawn' | 'date_removed' | 'date_passed';

export interface ProposalPlan {
  /** Dates to propose: new, or proposed again after an earlier withdrawal. */
  propose: string[];
  /** Matches that stay as they are (their score may be refreshed). */
  keep: string[];
  withdraw: Array<{ matchId: string; reasonCode: string }>;
}

/**
 * Keeps a need's proposals current. The best `topN` candidates scoring at least `minScore` are
 * proposed, except dates the company declined or the provider rejected (never offered twice).
 * Open proposals that fall out of the top are withdrawn ("outranked"); accepted ones stay until
 * they no longer fit at all; confirmed ones stay unless their date is gone. A need that is no
 * longer open withdraws everything not confirmed.
 */
export function planProposals(input: {
  needOpen: boolean;
  existing: readonly ExistingMatch[];
  ranked: readonly RankedCandidate[];
  dateState: (courseDateId: string) => DateState;
  topN: number;
  minScore: number;
}): ProposalPlan {
  const plan: ProposalPlan = { propose: [], keep: [], withdraw: [] };
  const byDate = new Map(input.existing.map((match) => [match.courseDateId, match]));
  const answered = new Set(input.existing.filter((m) => m.status === 'declined' || m.status === 'rejected').map((m) => m.courseDateId));
  const fitting = new Set(input.ranked.map((candidate) => candidate.courseDateId));
  const top = input.needOpen
    ? [...input.ranked].filter((c) => c.score >= input.minScore && !answered.has(c.courseDateId)).sort((a, b) => b.score - a.score || a.courseDateId.localeCompare(b.courseDateId)).slice(0, input.topN)
    : [];
  const topIds = new Set(top.map((candidate) => candidate.courseDateId));

  for (const match of input.existing) {
    if (match.status === 'confirmed') {
      const state = input.dateState(match.courseDateId);
      if (state === 'offer_withdrawn' || state === 'date_removed') plan.withdraw.push({ matchId: match.id, reasonCode: state });
      else plan.keep.push(match.id);
      continue;
    }
    if (match.status !== 'proposed' && match.status !== 'accepted') continue;
    const state = input.dateState(match.courseDateId);
    if (!input.needOpen) plan.withdraw.push({ matchId: match.id, reasonCode: 'need_closed' });
    else if (state !== 'live') plan.withdraw.push({ matchId: match.id, reasonCode: state });
    else if (!fitting.has(match.courseDateId)) plan.withdraw.push({ matchId: match.id, reasonCode: 'no_longer_fits' });
    else if (match.status === 'proposed' && !topIds.has(match.courseDateId)) plan.withdraw.push({ matchId: match.id, reasonCode: 'outranked' });
    else plan.keep.push(match.id);
  }
  for (const candidate of top) {
    const existing = byDate.get(candidate.courseDateId);
    if (!existing || existing.status === 'withdrawn') plan.propose.push(candidate.courseDateId);
  }
  return plan;
}
