/** Event types people are told about (each has a German and an English template). */
export const NOTIFIABLE_EVENT_TYPES = [
  'matching.match.proposed.v1',
  'matching.match.accepted.v1',
  'matching.match.declined.v1',
  'matching.match.confirmed.v1',
  'matching.match.rejected.v1',
  'matching.match.withdrawn.v1',
  'matching.bundle.formed.v1',
  'matching.bundle.updated.v1',
  'matching.bundle.dissolved.v1',
  'matching.gap.detected.v1',
  'matching.gap.closed.v1',
  'needs.need.submitted.v1',
  'needs.need.withdrawn.v1',
  'needs.need.fulfilled.v1',
  'needs.need.expired.v1',
  'partners.partner.registered.v1',
  'partners.partner.verified.v1',
  'partners.partner.rejected.v1',
  'partners.partner.deactivated.v1',
  'partners.network.created.v1',
  'partners.network.updated.v1',
  'catalogue.offer.published.v1',
] as const;

/** What a new organisation hears about without configuring anything, by kind. */
const DEFAULTS_BY_KIND: Record<string, string[]> = {
  company: ['matching.match.*', 'needs.need.*', 'partners.partner.*'],
  provider: ['matching.match.*', 'matching.bundle.*', 'matching.gap.detected.v1', 'partners.partner.*'],
  school: ['matching.match.*', 'matching.bundle.*', 'matching.gap.detected.v1', 'partners.partner.*'],
};
/** Coordinating members of a network (any kind) also hear what happens in it. */
const COORDINATOR_DEFAULTS = ['needs.need.submitted.v1', 'matching.bundle.*', 'matching.gap.*', 'partners.partner.registered.v1', 'partners.network.*', 'catalogue.offer.published.v1'];

export function defaultEventTypes(kind: string | undefined, coordinates: boolean): string[] {
  const own = DEFAULTS_BY_KIND[kind ?? ''] ?? ['partners.partner.*'];
  return [...new Set([...own, ...(coordinates || !DEFAULTS_BY_KIND[kind ?? ''] ? COORDINATOR_DEFAULTS : [])])];
}

/**
 * A subscription pattern: an exact type (`matching.match.proposed.v1`), a prefix wildcard
 * (`matching.match.*`, `matching.*`) or `*` for everything.
 */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z]+(\.[a-z-]+){0,2}\.\*|[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+)$/;

export function matchesPattern(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function subscribedTo(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => matchesPattern(pattern, type));
}
