import { DateState, ExistingMatch, planProposals } from './proposal-plan';
import { MatchAction, transition } from './match-lifecycle';

const live = (): DateState => 'live';
const ranked = (...pairs: Array<[string, number]>) => pairs.map(([courseDateId, score]) => ({ courseDateId, score }));

describe('planProposals', () => {
  it('proposes the best dates above the minimum score, at most topN', () => {
    const plan = planProposals({ needOpen: true, existing: [], ranked: ranked(['a', 0.9], ['b', 0.5], ['c', 0.3], ['d', 0.8]), dateState: live, topN: 2, minScore: 0.4 });
    expect(plan.propose).toEqual(['a', 'd']);
  });

  it('keeps current proposals, withdraws outranked and no longer fitting ones, never re-proposes a declined date', () => {
    const existing: ExistingMatch[] = [
      { id: 'm1', courseDateId: 'a', status: 'proposed' },
      { id: 'm2', courseDateId: 'b', status: 'proposed' },
      { id: 'm3', courseDateId: 'c', status: 'proposed' },
      { id: 'm4', courseDateId: 'x', status: 'declined' },
    ];
    const plan = planProposals({ needOpen: true, existing, ranked: ranked(['a', 0.9], ['x', 0.95], ['b', 0.45], ['e', 0.7]), dateState: live, topN: 2, minScore: 0.4 });
    expect(plan.propose).toEqual(['e']);
    expect(plan.keep).toEqual(['m1']);
    expect(plan.withdraw).toEqual([
      { matchId: 'm2', reasonCode: 'outranked' },
      { matchId: 'm3', reasonCode: 'no_longer_fits' },
    ]);
  });

  it('withdraws with the date state as reason; confirmed matches go only when the date is gone', () => {
    const existing: ExistingMatch[] = [
      { id: 'm1', courseDateId: 'a', status: 'accepted' },
      { id: 'm2', courseDateId: 'b', status: 'confirmed' },
      { id: 'm3', courseDateId: 'c', status: 'confirmed' },
    ];
    const states: Record<string, DateState> = { a: 'offer_withdrawn', b: 'date_removed', c: 'date_passed' };
    const plan = planProposals({ needOpen: true, existing, ranked: [], dateState: (id) => states[id], topN: 5, minScore: 0 });
    expect(plan.withdraw).toEqual([
      { matchId: 'm1', reasonCode: 'offer_withdrawn' },
      { matchId: 'm2', reasonCode: 'date_removed' },
    ]);
    expect(plan.keep).toEqual(['m3']);
  });

  it('a closed need withdraws open proposals and proposes nothing', () => {
    const plan = planProposals({ needOpen: false, existing: [{ id: 'm1', courseDateId: 'a', status: 'proposed' }], ranked: ranked(['a', 0.9]), dateState: live, topN: 5, minScore: 0 });
    expect(plan).toEqual({ propose: [], keep: [], withdraw: [{ matchId: 'm1', reasonCode: 'need_closed' }] });
  });

  it('proposes a date again after an earlier withdrawal', () => {
    const plan = planProposals({ needOpen: true, existing: [{ id: 'm1', courseDateId: 'a', status: 'withdrawn' }], ranked: ranked(['a', 0.9]), dateState: live, topN: 5, minScore: 0 });
    expect(plan.propose).toEqual(['a']);
  });
});

describe('match lifecycle', () => {
  it.each<[string, MatchAction, string]>([
    ['proposed', 'accept', 'accepted'],
    ['proposed', 'decline', 'declined'],
    ['accepted', 'decline', 'declined'],
    ['accepted', 'confirm', 'confirmed'],
    ['accepted', 'reject', 'rejected'],
    ['confirmed', 'withdraw', 'withdrawn'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(transition(from as 'proposed', action)).toBe(to);
  });

  it.each<[string, MatchAction]>([
    ['proposed', 'confirm'],
    ['declined', 'accept'],
    ['confirmed', 'decline'],
    ['withdrawn', 'accept'],
  ])('refuses %s --%s-->', (from, action) => {
    expect(() => transition(from as 'proposed', action)).toThrow(/cannot/);
  });
});
