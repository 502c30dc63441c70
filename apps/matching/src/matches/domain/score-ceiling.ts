import { MATCH_CRITERIA } from '@bildungsraum/contracts';
import { NeedSkill } from './match-facts';
import { Weights } from './weights';

/**
 * Slack for comparing a ceiling with a score: scores are sums of contributions rounded to four
 * decimals (up to 9 × 0.00005 above the unrounded sum), so ceilings are compared with this margin.
 */
export const CEILING_MARGIN = 0.001;

const totalWeight = (weights: Weights): number => MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);

/**
 * The highest score of a course date known only to cover at most `coverage` of the need's skills:
 * skills valued at that coverage (as skillsValue does), every other criterion at its best (1).
 */
export function coverageCeiling(coverage: number, weights: Weights): number {
  return (weights.skills * coverage + totalWeight(weights) - weights.skills) / totalWeight(weights);
}

/** Share of the need's skill weight a set of skill URIs covers (as skillsValue counts it). */
export function coverageOf(skills: readonly NeedSkill[], shared: ReadonlySet<string>): number {
  const total = skills.reduce((sum, skill) => sum + skill.weight, 0);
  if (total <= 0) return 0;
  return skills.filter((skill) => shared.has(skill.uri)).reduce((sum, skill) => sum + skill.weight, 0) / total;
}

/**
 * One step of retrieval: course dates whose offers teach at least one of `subsets` completely
 * (each subset's weight reaches `minCoverage`), or, for `any`, every date sharing a skill.
 * `coverageBelow` is the most any date not found by this and the earlier steps can cover.
 */
export interface CoverageLevel {
  minCoverage: number;
  subsets: string[][] | 'any';
  coverageBelow: number;
}

const EPSILON = 1e-9;

/**
 * Retrieval steps from the best coverage down, each served by the GIN index (`skill_uris @>
 * subset`): e.g. for three equal skills, dates teaching all three, then any two, then any one.
 * Few steps (`maxLevels`) and few subsets per step (`maxSubsets`); what is left is one `any` step.
 */
export function coverageLevels(skills: readonly NeedSkill[], options: { maxLevels?: number; maxSubsets?: number; maxSkills?: number } = {}): CoverageLevel[] {
  const { maxLevels = 3, maxSubsets = 16, maxSkills = 10 } = options;
  const uris = [...new Set(skills.map((skill) => skill.uri))];
  const total = skills.reduce((sum, skill) => sum + skill.weight, 0);
  const any: CoverageLevel = { minCoverage: 0, subsets: 'any', coverageBelow: Number.NEGATIVE_INFINITY };
  if (!uris.length || total <= 0 || uris.length > maxSkills || uris.length !== skills.length) return [any];
  const weightOf = (mask: number) => skills.reduce((sum, skill, index) => (mask & (1 << index) ? sum + skill.weight : sum), 0) / total;
  const masks = Array.from({ length: (1 << skills.length) - 1 }, (_, index) => index + 1);
  const values = [...new Set(masks.map((mask) => Math.round(weightOf(mask) / EPSILON) * EPSILON))].filter((value) => value > 0).sort((a, b) => b - a);
  const levels: CoverageLevel[] = [];
  for (let index = 0; index < values.length && levels.length < maxLevels; index += 1) {
    const threshold = values[index] - EPSILON;
    const minimal = masks.filter((mask) => weightOf(mask) >= threshold && skills.every((_, bit) => !(mask & (1 << bit)) || weightOf(mask & ~(1 << bit)) < threshold));
    if (minimal.length > maxSubsets) break;
    levels.push({ minCoverage: values[index], subsets: minimal.map((mask) => skills.filter((_, bit) => mask & (1 << bit)).map((skill) => skill.uri)), coverageBelow: values[index + 1] ?? 0 });
  }
  // Zero-weight skills or steps left over: one last step finds every date sharing any skill.
  const last = levels[levels.length - 1];
  const complete = last !== undefined && last.coverageBelow === 0 && skills.every((skill) => skill.weight > 0);
  if (!complete) {
    if (last) last.coverageBelow = Math.max(last.coverageBelow, 0);
    levels.push({ ...any, minCoverage: 0 });
  } else last.coverageBelow = Number.NEGATIVE_INFINITY;
  return levels;
}
