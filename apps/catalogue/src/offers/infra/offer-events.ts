import {
  CloudEvent,
  createEvent,
  EventCause,
  OfferArchived,
  OfferPublished,
  OfferSnapshotV1,
  OfferUpdated,
  OfferWithdrawn,
} from '@bildungsraum/contracts';
import { CourseDate, OfferChange, OfferState, seatsFree } from '../domain/offer-model';

/** The public snapshot: the whole offer with its dates and free seats. */
export function offerSnapshot(state: OfferState): OfferSnapshotV1 {
  return { ...state, dates: state.dates.map(courseDateView) };
}

export const courseDateView = (date: CourseDate): OfferSnapshotV1['dates'][number] => ({ ...date, seatsFree: seatsFree(date) });

/** Each recorded change becomes one event carrying the full offer as it is after all of them. */
export function offerEvents(state: OfferState, changes: OfferChange[], cause: EventCause): CloudEvent[] {
  const snapshot = offerSnapshot(state);
  return changes.map((change) => {
    switch (change.type) {
      case 'published':
        return createEvent(OfferPublished, state.id, snapshot, cause);
      case 'updated':
        return createEvent(OfferUpdated, state.id, snapshot, cause);
      case 'withdrawn':
        return createEvent(OfferWithdrawn, state.id, { ...snapshot, ...(change.reason ? { reason: change.reason } : {}) }, cause);
      case 'archived':
        return createEvent(OfferArchived, state.id, snapshot, cause);
    }
  });
}
