import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('repeats its sequence for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = Array.from({ length: 1000 }, seededRandom(42));
    expect(Array.from({ length: 1000 }, seededRandom(42))).toEqual(a);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(a.slice(0, 5));
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
