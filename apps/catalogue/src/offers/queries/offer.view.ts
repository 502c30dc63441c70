import type { OfferSnapshotV1 } from '@bildungsraum/contracts';
import { isStale, OfferState, today } from '../domain/offer-model';
import { offerSnapshot } from '../infra/offer-events';

/** The API's view of an offer: the event snapshot plus whether it has gone stale. */
export type OfferView = OfferSnapshotV1 & { stale: boolean };

export function offerView(state: OfferState, now: Date = new Date()): OfferView {
  return { ...offerSnapshot(state), stale: isStale(state, today(now)) };
}
