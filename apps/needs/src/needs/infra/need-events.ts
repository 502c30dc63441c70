import {
  CloudEvent,
  createEvent,
  EventCause,
  NeedExpired,
  NeedFulfilled,
  NeedSnapshotV1,
  NeedSubmitted,
  NeedUpdated,
  NeedWithdrawn,
} from '@bildungsraum/contracts';
import { Need, NeedChange } from '../domain/need';

/** The published form of a need: no user subject, no company name (see nameVisibleToProviders). */
export function needSnapshot(need: Need): NeedSnapshotV1 {
  const s = need.snapshot;
  const { nameVisibleToProviders, ...content } = s.content;
  return {
    id: s.id,
    version: s.version,
    status: s.status,
    company: { id: s.companyId, ...s.company, nameVisibleToProviders },
    capturedBy: { partnerId: s.capturedBy.partnerId, role: s.capturedBy.role },
    ...content,
    ...(s.submittedAt ? { submittedAt: s.submittedAt } : {}),
  };
}

/** Turns recorded domain changes into integration events (all carrying the full need). */
export function needEvents(need: Need, changes: NeedChange[], cause: EventCause): CloudEvent[] {
  if (changes.length === 0) return [];
  const snapshot = needSnapshot(need);
  return changes.map((change) => {
    switch (change.type) {
      case 'submitted':
        return createEvent(NeedSubmitted, snapshot.id, snapshot, cause);
      case 'updated':
        return createEvent(NeedUpdated, snapshot.id, { ...snapshot, changeKind: change.changeKind }, cause);
      case 'withdrawn':
        return createEvent(NeedWithdrawn, snapshot.id, { ...snapshot, reasonCode: change.reasonCode, ...(change.reason ? { reason: change.reason } : {}) }, cause);
      case 'fulfilled':
        return createEvent(NeedFulfilled, snapshot.id, { ...snapshot, matchId: change.matchId }, cause);
      case 'expired':
        return createEvent(NeedExpired, snapshot.id, snapshot, cause);
    }
  });
}
