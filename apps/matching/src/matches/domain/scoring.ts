import { MATCH_CRITERIA, MatchCriterion } from '@bildungsraum/contracts';
import { datesValue, distanceValue, exclusionOf, formatValue, languageValue, levelValue, priceValue, scheduleValue, skillsValue, targetGroupValue, titleValue } from './criteria';
import { explain, Explanation } from './explanation';
import { CandidateFacts, ExclusionReason, NeedFacts } from './match-facts';
import { Weights } from './weights';

export interface CriterionScore {
  criterion: MatchCriterion;
  value: number;
  weight: number;
  contribution: number;
}

export type Evaluation =
  | { excluded: ExclusionReason }
  | { excluded?: undefined; score: number; criteria: CriterionScore[]; explanation: Explanation };

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * Scores one course date for one need: hard constraints first (excluded, with the reason), then
 * each named criterion 0–1, weighted; contributions are weight × value / Σ weights, so they add
 * up to the score and a coordinator can see what carried it.
 */
export function evaluateCandidate(need: NeedFacts, candidate: CandidateFacts, weights: Weights, today: string): Evaluation {
  const excluded = exclusionOf(need, candidate, today);
  if (excluded) return { excluded };
  const skills = skillsValue(need, candidate);
  const values: Record<MatchCriterion, number> = {
    skills: skills.value,
    level: levelValue(need, candidate),
    dates: datesValue(need, candidate, today),
    distance: distanceValue(need, candidate),
    format: formatValue(need, candidate),
    schedule: scheduleValue(need, candidate),
    language: languageValue(need, candidate),
    target_group: targetGroupValue(need, candidate),
    price: priceValue(need, candidate),
    title: titleValue(need, candidate),
  };
  const totalWeight = MATCH_CRITERIA.reduce((sum, criterion) => sum + weights[criterion], 0);
  const criteria = MATCH_CRITERIA.map((criterion) => ({
    criterion,
    value: round(values[criterion]),
    weight: weights[criterion],
    contribution: round((weights[criterion] * values[criterion]) / totalWeight),
  }));
  const score = Math.min(1, round(criteria.reduce((sum, entry) => sum + entry.contribution, 0)));
  return { score, criteria, explanation: explain(need, candidate, skills) };
}
