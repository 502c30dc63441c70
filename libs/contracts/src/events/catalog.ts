import { EventDefinition } from './event-definition';
import { OfferArchived, OfferPublished, OfferUpdated, OfferWithdrawn } from './catalogue/offer-events.v1';
import { ProgrammePublished, ProgrammeUpdated } from './catalogue/programme-events.v1';
import { BundleDissolved, BundleFormed, BundleUpdated, GapClosed, GapDetected } from './matching/bundle-and-gap-events.v1';
import {
  MatchAccepted,
  MatchConfirmed,
  MatchDeclined,
  MatchProposed,
  MatchRejected,
  MatchWithdrawn,
} from './matching/match-events.v1';
import { NeedExpired, NeedFulfilled, NeedSubmitted, NeedUpdated, NeedWithdrawn } from './needs/need-events.v1';
import { NetworkCreated, NetworkUpdated } from './partners/network-events.v1';
import { DeliveryFailed } from './notifications/delivery-events.v1';
import { DeliveriesSucceeded } from './notifications/delivery-events.v2';
import {
  PartnerDeactivated,
  PartnerRegistered,
  PartnerRejected,
  PartnerUpdated,
  PartnerVerified,
} from './partners/partner-events.v1';

/** Every published event type. The AsyncAPI document and the JSON Schemas are generated from this list. */
export const EVENT_CATALOG: ReadonlyArray<EventDefinition> = [
  PartnerRegistered,
  PartnerUpdated,
  PartnerVerified,
  PartnerRejected,
  PartnerDeactivated,
  NetworkCreated,
  NetworkUpdated,
  NeedSubmitted,
  NeedUpdated,
  NeedWithdrawn,
  NeedFulfilled,
  NeedExpired,
  MatchProposed,
  MatchAccepted,
  MatchDeclined,
  MatchConfirmed,
  MatchRejected,
  MatchWithdrawn,
  BundleFormed,
  BundleUpdated,
  BundleDissolved,
  GapDetected,
  GapClosed,
  OfferPublished,
  OfferUpdated,
  OfferWithdrawn,
  OfferArchived,
  ProgrammePublished,
  ProgrammeUpdated,
  DeliveriesSucceeded,
  DeliveryFailed,
];

const byType = new Map(EVENT_CATALOG.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
