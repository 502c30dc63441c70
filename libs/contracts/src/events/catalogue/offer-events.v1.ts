import { IsOptional, IsString, Length } from 'class-validator';
import { defineEvent } from '../event-definition';
import { OfferSnapshotV1 } from './offer-snapshot.v1';

export class OfferPublishedV1 extends OfferSnapshotV1 {}
export class OfferUpdatedV1 extends OfferSnapshotV1 {}
export class OfferWithdrawnV1 extends OfferSnapshotV1 {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
export class OfferArchivedV1 extends OfferSnapshotV1 {}

const offerEvent = <T extends object>(event: string, payload: new () => T, summary: string) =>
  defineEvent({ type: `catalogue.offer.${event}.v1`, service: 'catalogue', aggregate: 'offer', payload, summary });

export const OfferPublished = offerEvent('published', OfferPublishedV1, 'Angebot mit allen Terminen veröffentlicht / offer published with all its course dates');
export const OfferUpdated = offerEvent(
  'updated',
  OfferUpdatedV1,
  'Veröffentlichtes Angebot geändert (Inhalt, Termine, freie Plätze) / published offer changed (content, dates, seats)',
);
export const OfferWithdrawn = offerEvent('withdrawn', OfferWithdrawnV1, 'Angebot zurückgezogen, nicht mehr buchbar / offer withdrawn');
export const OfferArchived = offerEvent('archived', OfferArchivedV1, 'Angebot archiviert / offer archived');
