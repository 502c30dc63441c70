import { needExactCost } from './cost-pruning';

const b = (courseDateId: string, lower: number, upper: number, poolable = false) => ({ courseDateId, lower, upper, poolable });

describe('needExactCost', () => {
  const none = new Set<string>();

  it('works out funding only where it can change the top N or the fit', () => {
    const bounds = [b('a', 0.8, 0.9), b('b', 0.7, 0.82), b('c', 0.5, 0.69), b('d', 0.35, 0.45), b('e', 0.2, 0.3)];
    // top 2: bar = 0.7; c cannot reach it; d's fit above 0.4 depends on its cost; e never fits.
    expect([...needExactCost(bounds, { topN: 2, minScore: 0.4, answered: none, live: none })].sort()).toEqual(['a', 'b', 'd']);
  });

  it('skips answered dates when setting the bar and always includes live matches', () => {
    const bounds = [b('a', 0.9, 0.95), b('b', 0.6, 0.7), b('c', 0.5, 0.65)];
    expect([...needExactCost(bounds, { topN: 1, minScore: 0.4, answered: new Set(['a']), live: new Set(['c']) })].sort()).toEqual(['a', 'b', 'c']);
  });

  it('works out funding for every poolable date that could be one of the best bundle places, so they are the best by exact score', () => {
    // top 1 (bar 0.8): only a by the proposal rule; 2 places among the poolable c, d, e: bar 0.55 (d's lower).
    const bounds = [b('a', 0.8, 0.9), b('c', 0.6, 0.7, true), b('d', 0.55, 0.75, true), b('e', 0.45, 0.58, true), b('f', 0.44, 0.5, true)];
    expect([...needExactCost(bounds, { topN: 1, poolFits: 2, minScore: 0.4, answered: none, live: none })].sort()).toEqual(['a', 'c', 'd', 'e']);
    expect([...needExactCost(bounds, { topN: 1, minScore: 0.4, answered: none, live: none })].sort()).toEqual(['a']);
  });
});
