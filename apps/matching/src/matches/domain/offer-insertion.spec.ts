import { insertDates } from './offer-insertion';

const match = (id: string, courseDateId: string, score: number, status: 'proposed' | 'accepted' | 'declined' | 'confirmed' | 'withdrawn' = 'proposed') => ({ id, courseDateId, score, status });
const base = { topN: 2, poolFits: 2, minScore: 0.4 };

describe('insertDates', () => {
  it('lets a better date into the top N and withdraws the open proposal it pushes out', () => {
    const result = insertDates({ ...base, matches: [match('m1', 'a', 0.9), match('m2', 'b', 0.6)], places: [], entrants: [{ courseDateId: 'n', score: 0.7, poolable: false }] })!;
    expect(result.propose).toEqual(['n']);
    expect(result.outranked).toEqual(['m2']);
    // No bundle places yet: any fitting poolable date takes one; others must beat the second proposal.
    expect([result.admission, result.proposalAdmission]).toEqual([0.4, 0.7]);
  });

  it('keeps an accepted proposal that falls out of the top and never proposes a declined date, which still takes a bundle place', () => {
    const matches = [match('m1', 'a', 0.9), match('m2', 'b', 0.6, 'accepted'), match('m3', 'n', 0.5, 'declined')];
    const result = insertDates({ ...base, matches, places: [{ courseDateId: 'p', score: 0.45 }], entrants: [{ courseDateId: 'n', score: 0.8, poolable: true }, { courseDateId: 'o', score: 0.7, poolable: false }] })!;
    expect(result.propose).toEqual(['o']);
    expect(result.outranked).toEqual([]);
    expect(result.places).toEqual([{ courseDateId: 'n', score: 0.8 }, { courseDateId: 'p', score: 0.45 }]);
    expect(result.added).toEqual(['n']);
  });

  it('pushes the last bundle place out (ties by date id, as a re-match ranks them) and raises the admission score', () => {
    const places = [{ courseDateId: 'b', score: 0.7 }, { courseDateId: 'c', score: 0.5 }];
    const result = insertDates({ ...base, matches: [match('m1', 'x', 0.95), match('m2', 'y', 0.9)], places, entrants: [{ courseDateId: 'a', score: 0.5, poolable: true }] })!;
    expect(result.places.map((place) => place.courseDateId)).toEqual(['b', 'a']);
    expect(result.evicted).toEqual(['c']);
    expect(result.propose).toEqual([]);
    expect(result.admission).toBe(0.5);
    // A date that cannot pool the need must beat its second proposal instead.
    expect(result.proposalAdmission).toBe(0.9);
  });

  it('says when a date gives the need its first fit, and nothing for dates below the minimum', () => {
    expect(insertDates({ ...base, matches: [], places: [], entrants: [{ courseDateId: 'n', score: 0.41, poolable: false }] })!.fits).toBe(true);
    const low = insertDates({ ...base, matches: [], places: [], entrants: [{ courseDateId: 'n', score: 0.39, poolable: true }] })!;
    expect([low.fits, low.propose, low.places]).toEqual([false, [], []]);
  });

  it('leaves a need with a confirmed match, or an entrant it already holds, to a full re-match', () => {
    expect(insertDates({ ...base, matches: [match('m1', 'a', 0.9, 'confirmed')], places: [], entrants: [{ courseDateId: 'n', score: 0.7, poolable: false }] })).toBeUndefined();
    expect(insertDates({ ...base, matches: [], places: [{ courseDateId: 'n', score: 0.5 }], entrants: [{ courseDateId: 'n', score: 0.7, poolable: true }] })).toBeUndefined();
  });
});
