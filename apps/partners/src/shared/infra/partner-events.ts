import {
  CloudEvent,
  createEvent,
  EventCause,
  NetworkCreated,
  NetworkUpdated,
  PartnerDeactivated,
  PartnerRegistered,
  PartnerRejected,
  PartnerUpdated,
  PartnerVerified,
} from '@bildungsraum/contracts';
import { NetworkChange } from '../../networks/domain/network';
import { RecordedOrganisationChange } from '../../organisations/domain/organisation';

/**
 * Turns recorded domain changes into integration events. Payloads are built from the public
 * snapshot only, so no contact person or other personal data can end up in an event.
 */
export function organisationEvents(changes: RecordedOrganisationChange[], cause: EventCause): CloudEvent[] {
  return changes.map((change) => {
    const { snapshot } = change;
    switch (change.type) {
      case 'registered':
        return createEvent(PartnerRegistered, snapshot.id, snapshot, cause);
      case 'updated':
        return createEvent(PartnerUpdated, snapshot.id, snapshot, cause);
      case 'verified':
        return createEvent(PartnerVerified, snapshot.id, snapshot, cause);
      case 'rejected':
        return createEvent(PartnerRejected, snapshot.id, { ...snapshot, reason: change.reason }, cause);
      case 'deactivated':
        return createEvent(PartnerDeactivated, snapshot.id, { ...snapshot, reasonCode: change.reasonCode, ...(change.reason ? { reason: change.reason } : {}) }, cause);
    }
  });
}

export function networkEvents(changes: NetworkChange[], cause: EventCause): CloudEvent[] {
  return changes.map((change) =>
    createEvent(change.type === 'created' ? NetworkCreated : NetworkUpdated, change.snapshot.id, change.snapshot, cause),
  );
}
