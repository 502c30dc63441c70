/**
 * Retrieval figures over graded judgements (0–3; unjudged pairs count 0) and set figures for gaps
 * and bundles. Pure functions: the bench feeds them the matcher's answers.
 */

/** Gain of a grade: 2^g − 1 (0, 1, 3, 7), so a perfect offer outweighs several related ones. */
const gain = (grade: number): number => 2 ** grade - 1;
const discount = (rank: number): number => 1 / Math.log2(rank + 2);

/** nDCG@k of a ranked list of grades against every judged grade of the need; undefined when nothing relevant exists. */
export function ndcgAt(k: number, ranked: readonly number[], judged: readonly number[]): number | undefined {
  const ideal = [...judged].sort((a, b) => b - a).slice(0, k).reduce((sum, grade, rank) => sum + gain(grade) * discount(rank), 0);
  if (ideal === 0) return undefined;
  const dcg = ranked.slice(0, k).reduce((sum, grade, rank) => sum + gain(grade) * discount(rank), 0);
  return dcg / ideal;
}

/** Share of the first k places (k, not the number proposed) holding an offer graded ≥ 2. */
export function precisionAt(k: number, ranked: readonly number[]): number {
  return ranked.slice(0, k).filter((grade) => grade >= 2).length / k;
}

export const hasGradeIn = (k: number, ranked: readonly number[], grade: number): boolean => ranked.slice(0, k).some((g) => g >= grade);

export interface SetScore {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  expected: number;
}

/** Precision and recall of found against expected keys; an empty prediction has precision 1 (it claimed nothing wrong). */
export function setScore(found: ReadonlySet<string>, expected: ReadonlySet<string>): SetScore {
  const truePositives = [...found].filter((key) => expected.has(key)).length;
  return {
    precision: found.size ? truePositives / found.size : 1,
    recall: expected.size ? truePositives / expected.size : 1,
    truePositives,
    predicted: found.size,
    expected: expected.size,
  };
}

/** Unordered pairs of members, as "a|b" with a < b. */
export function pairsOf(members: readonly string[]): string[] {
  const sorted = [...new Set(members)].sort();
  return sorted.flatMap((a, index) => sorted.slice(index + 1).map((b) => `${a}|${b}`));
}

export const mean = (values: readonly number[]): number => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
export const round3 = (value: number): number => Math.round(value * 1000) / 1000;
