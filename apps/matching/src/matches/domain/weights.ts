import { MATCH_CRITERIA, MatchCriterion } from '@bildungsraum/contracts';

export type Weights = Readonly<Record<MatchCriterion, number>>;

/**
 * Skills decide most; dates, distance, price and the offer's own words answering the need's
 * (title) next; the rest refine the order.
 */
export const DEFAULT_WEIGHTS: Weights = {
  skills: 5,
  level: 1,
  dates: 2,
  distance: 2,
  format: 1,
  schedule: 1,
  language: 1,
  target_group: 1,
  price: 2,
  title: 3,
};

/**
 * Reads `skills=5,distance=2` (configuration) over the defaults. Unknown criteria and negative or
 * non-numeric weights are refused, so a typo cannot silently switch a criterion off.
 */
export function parseWeights(text: string | undefined, base: Weights = DEFAULT_WEIGHTS): Weights {
  const weights: Record<MatchCriterion, number> = { ...base };
  for (const pair of (text ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    if (!(MATCH_CRITERIA as readonly string[]).includes(name)) throw new Error(`Unknown matching criterion "${name}" (known: ${MATCH_CRITERIA.join(', ')})`);
    const weight = Number(value);
    if (value === undefined || value === '' || !Number.isFinite(weight) || weight < 0) throw new Error(`Weight of "${name}" must be a number ≥ 0, got "${value}"`);
    weights[name as MatchCriterion] = weight;
  }
  if (Object.values(weights).every((weight) => weight === 0)) throw new Error('At least one matching weight must be above 0');
  return weights;
}
