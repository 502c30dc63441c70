import { EntityManager } from 'typeorm';
import { appendToOutbox } from '@bildungsraum/persistence';
import { CATALOGUE_SCHEMA } from '../../db/catalogue-data-source';
import { saveAndEmit } from '../commands/offer-commands.service';
import { CourseDateInput, Offer } from '../domain/offer';
import { OfferContent } from '../domain/offer-model';
import { resolveVenues, VenueInput } from './venue-resolver';

export interface PublishedOfferInput {
  id: string;
  provider: { id: string; name: string };
  content: OfferContent;
  dates: Array<Omit<CourseDateInput, 'venue'> & { venue?: VenueInput }>;
}

/**
 * Creates and publishes an offer of a provider known to be verified in one transaction (demo
 * data, bulk loads): venues resolved, search rows written, `published` event in the outbox.
 */
export async function createPublishedOffer(manager: EntityManager, input: PublishedOfferInput): Promise<Offer> {
  const dates = await resolveVenues(manager, input.dates, (index) => `dates.${index}.venue.postalCode`);
  const offer = Offer.draft({ id: input.id, providerId: input.provider.id, providerName: input.provider.name, content: input.content, dates });
  offer.publish(true);
  const { events } = await saveAndEmit(manager, offer);
  await appendToOutbox(manager, CATALOGUE_SCHEMA, events);
  return offer;
}
