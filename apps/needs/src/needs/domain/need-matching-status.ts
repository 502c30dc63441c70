/**
 * How matching's events move a need (decided here, documented in the README):
 *
 * | matching event                              | link state kept here     | need status        |
 * |---------------------------------------------|--------------------------|--------------------|
 * | match.proposed / match.accepted             | match active             | matched            |
 * | match.declined / rejected / withdrawn       | match inactive           | recomputed         |
 * | match.confirmed                             | match confirmed          | fulfilled (final)  |
 * | bundle.formed / updated listing the need    | bundle active            | pooled             |
 * | bundle.updated without the need / dissolved | bundle inactive          | recomputed         |
 *
 * Recomputed = confirmed match → fulfilled, else any active match → matched, else any active
 * bundle → pooled, else submitted. Keeping one link per match and bundle (version-guarded)
 * makes the outcome independent of the order in which the events arrive.
 */
export type LinkKind = 'match' | 'bundle';
export type LinkState = 'active' | 'inactive' | 'confirmed';

export interface MatchingLink {
  kind: LinkKind;
  refId: string;
  state: LinkState;
}

export type MatchingStatus = { status: 'submitted' | 'matched' | 'pooled' } | { status: 'fulfilled'; matchId: string };

export function statusFromLinks(links: readonly MatchingLink[]): MatchingStatus {
  const confirmed = links.find((link) => link.kind === 'match' && link.state === 'confirmed');
  if (confirmed) return { status: 'fulfilled', matchId: confirmed.refId };
  if (links.some((link) => link.kind === 'match' && link.state === 'active')) return { status: 'matched' };
  if (links.some((link) => link.kind === 'bundle' && link.state === 'active')) return { status: 'pooled' };
  return { status: 'submitted' };
}

const MATCH_LINK_STATES: Record<string, LinkState> = {
  proposed: 'active',
  accepted: 'active',
  confirmed: 'confirmed',
  declined: 'inactive',
  rejected: 'inactive',
  withdrawn: 'inactive',
};

export function linkStateOfMatch(status: string): LinkState {
  return MATCH_LINK_STATES[status] ?? 'inactive';
}

export function linkStateOfBundle(status: string, containsNeed: boolean): LinkState {
  return containsNeed && status !== 'dissolved' ? 'active' : 'inactive';
}
