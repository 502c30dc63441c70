/** A candidate's score range before its funding is worked out: cost = full price (lower) or 0 (upper). */
export interface ScoreBounds {
  courseDateId: string;
  lower: number;
  upper: number;
}

/**
 * Working out funding is the dearest step of scoring, and most candidates cannot matter. Funding
 * only moves the price criterion, so each candidate's score lies between its score at full price
 * and at no cost. Exact costs are needed only where they can change an outcome: candidates that
 * could still reach the top N (upper ≥ the N-th best lower bound among dates not already
 * answered), those whose fit above the minimum depends on it, and dates with live matches (their
 * stored score is refreshed). For all others the lower bound decides.
 */
export function needExactCost(bounds: readonly ScoreBounds[], options: { topN: number; minScore: number; answered: ReadonlySet<string>; live: ReadonlySet<string> }): Set<string> {
  const lowers = bounds
    .filter((b) => !options.answered.has(b.courseDateId))
    .map((b) => b.lower)
    .sort((a, b) => b - a);
  const bar = Math.max(lowers[options.topN - 1] ?? 0, options.minScore);
  return new Set(
    bounds
      .filter((b) => b.upper >= bar || (b.lower < options.minScore && b.upper >= options.minScore) || options.live.has(b.courseDateId))
      .map((b) => b.courseDateId),
  );
}
