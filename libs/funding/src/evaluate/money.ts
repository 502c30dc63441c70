/**
 * Percent of an amount in whole euro cents, rounded half up ("kaufmännisch"). Percentages are
 * taken to two decimals (basis points) so that the arithmetic stays in integers.
 */
export function percentOfCents(cents: number, percent: number): number {
  const basisPoints = Math.round(percent * 100);
  return Math.floor((cents * basisPoints + 5000) / 10000);
}

/**
 * What a programme funding `programmePercent` pays of `baseCents`: the company's own share is
 * rounded (half up) and the programme pays the rest, so both always add up to the base. A cap
 * per participant limits the programme's part.
 */
export function programmePaysCents(baseCents: number, programmePercent: number, capCents?: number): number {
  const pays = baseCents - percentOfCents(baseCents, 100 - programmePercent);
  return capCents === undefined ? pays : Math.min(pays, capCents);
}
