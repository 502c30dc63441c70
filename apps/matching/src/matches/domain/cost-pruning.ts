/** A candidate's score range before its funding is worked out: cost = full price (lower) or 0 (upper). */
export interface ScoreBounds {
  courseDateId: string;
  lower: number;
  upper: number;
  /** A date with a minimum of participants: it can be one of the need's bundle places. */
  poolable?: boolean;
}

/** The k-th best of the values (or -∞ when there are fewer), never below the minimum score. */
const barOf = (values: number[], k: number, minScore: number): number => Math.max(values.sort((a, b) => b - a)[k - 1] ?? 0, minScore);

/**
 * Working out funding is the dearest step of scoring, and most candidates cannot matter. Funding
 * only moves the price criterion, so each candidate's score lies between its score at full price
 * and at no cost. Exact costs are needed only where they can change an outcome: candidates that
 * could still reach the top N (upper ≥ the N-th best lower bound among dates not already
 * answered) or the best `poolFits` bundle places (poolable, upper ≥ the poolFits-th best lower of
 * the poolable ones), those whose fit above the minimum depends on it, and dates with live
 * matches (their stored score is refreshed). For all others the lower bound decides: so the top N
 * and the bundle places are the best by exact score, whichever other candidates were read (a new
 * offer's date can be inserted into them without a full re-match, offer-insertion.ts).
 */
export function needExactCost(
  bounds: readonly ScoreBounds[],
  options: { topN: number; poolFits?: number; minScore: number; answered: ReadonlySet<string>; live: ReadonlySet<string> },
): Set<string> {
  const bar = barOf(bounds.filter((b) => !options.answered.has(b.courseDateId)).map((b) => b.lower), options.topN, options.minScore);
  const poolBar = options.poolFits ? barOf(bounds.filter((b) => b.poolable).map((b) => b.lower), options.poolFits, options.minScore) : Number.POSITIVE_INFINITY;
  return new Set(
    bounds
      .filter((b) => b.upper >= bar || (b.poolable && b.upper >= poolBar) || (b.lower < options.minScore && b.upper >= options.minScore) || options.live.has(b.courseDateId))
      .map((b) => b.courseDateId),
  );
}
