import { coverageCeiling, coverageLevels, coverageOf } from './score-ceiling';
import { DEFAULT_WEIGHTS } from './weights';

const skill = (uri: string, weight = 1) => ({ uri, weight, source: 'given' as const });

describe('coverage steps of ranked retrieval', () => {
  it('goes from all skills to any two to any one, each step naming the smallest skill sets that reach it', () => {
    const levels = coverageLevels([skill('a'), skill('b'), skill('c')]);
    expect(levels.map((level) => level.subsets)).toEqual([[['a', 'b', 'c']], [['a', 'b'], ['a', 'c'], ['b', 'c']], [['a'], ['b'], ['c']]]);
    expect(levels.map((level) => level.coverageBelow)).toEqual([expect.closeTo(2 / 3, 9), expect.closeTo(1 / 3, 9), Number.NEGATIVE_INFINITY]);
  });

  it('weighs skills read from text by confidence and ends with one step over any shared skill', () => {
    const levels = coverageLevels([skill('a'), skill('b', 0.5), skill('c', 0.5), skill('d', 0.25)]);
    expect(levels[0]).toMatchObject({ minCoverage: 1, subsets: [['a', 'b', 'c', 'd']] });
    expect(levels[levels.length - 1]).toMatchObject({ subsets: 'any', coverageBelow: Number.NEGATIVE_INFINITY });
    // Every step's bound is below the coverage its own subsets guarantee.
    for (const level of levels.slice(0, -1)) {
      for (const subset of level.subsets as string[][]) expect(coverageOf([skill('a'), skill('b', 0.5), skill('c', 0.5), skill('d', 0.25)], new Set(subset))).toBeGreaterThanOrEqual(level.minCoverage - 1e-9);
      expect(level.coverageBelow).toBeLessThan(level.minCoverage);
    }
  });

  it('falls back to one step for many skills, and bounds the score by coverage with every other criterion at its best', () => {
    expect(coverageLevels(Array.from({ length: 12 }, (_, index) => skill(`s${index}`)))).toEqual([{ minCoverage: 0, subsets: 'any', coverageBelow: Number.NEGATIVE_INFINITY }]);
    expect(coverageCeiling(1, DEFAULT_WEIGHTS)).toBe(1);
    expect(coverageCeiling(0.5, DEFAULT_WEIGHTS)).toBeCloseTo((5 * 0.5 + 14) / 19, 9);
  });
});
