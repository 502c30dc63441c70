import { MatchSnapshotV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { MatchingHarness } from './matching-harness';

export type MatchEventData = MatchSnapshotV1 & { reasonCode?: string; reason?: string };

/** matching.* events of one type (as captured), optionally filtered. */
export function matchEvents(h: MatchingHarness, type: string, where: (match: MatchEventData) => boolean = () => true): MatchEventData[] {
  return h.capture.ofType(type).map((event) => event.data as MatchEventData).filter(where);
}

/** Waits for the first captured event of the type that satisfies `where`. */
export function nextMatchEvent(h: MatchingHarness, type: string, where: (match: MatchEventData) => boolean): Promise<MatchEventData> {
  return eventually(() => matchEvents(h, type, where)[0]) as Promise<MatchEventData>;
}
