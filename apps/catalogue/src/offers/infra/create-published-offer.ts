import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { appendToOutbox } from '@bildungsraum/persistence';
import { currentCause } from '@bildungsraum/platform';
import { CATALOGUE_SCHEMA } from '../../db/catalogue-data-source';
import { DomainError } from '@bildungsraum/domain-kernel';
import { CourseDateInput, Offer } from '../domain/offer';
import { OfferContent } from '../domain/offer-model';
import { offerEvents } from './offer-events';
import { offerRepository } from './offer.repository';
import { searchExtras } from './search-extras';
import { resolveVenues, VenueInput } from './venue-resolver';

export interface PublishedOfferInput {
  id: string;
  provider: { id: string; name: string };
  content: OfferContent;
  dates: Array<Omit<CourseDateInput, 'venue'> & { venue?: VenueInput }>;
}

/**
 * Creates and publishes offers of providers known to be verified (demo data, bulk loads) in the
 * caller's transaction: the same domain rules as the API per offer, then set-based writes of the
 * offers, their search rows and their `published` events. An offer the rules refuse is returned
 * with the reason and written no further.
 */
export async function createPublishedOffers(manager: EntityManager, inputs: readonly PublishedOfferInput[]): Promise<{ created: Offer[]; refused: Array<{ id: string; error: DomainError }> }> {
  const created: Offer[] = [];
  const refused: Array<{ id: string; error: DomainError }> = [];
  for (const input of inputs) {
    try {
      const dates = await resolveVenues(manager, input.dates, (index) => `dates.${index}.venue.postalCode`);
      const offer = Offer.draft({ id: input.id, providerId: input.provider.id, providerName: input.provider.name, content: input.content, dates });
      offer.publish(true);
      created.push(offer);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push({ id: input.id, error });
    }
  }
  const entries = [];
  for (const offer of created) entries.push({ offer, extras: await searchExtras(manager, offer.snapshot) });
  await offerRepository.saveMany(manager, entries);
  const cause = currentCause();
  const events: CloudEvent[] = created.flatMap((offer) => offerEvents(offer.snapshot, offer.pullChanges(), cause));
  if (events.length) await appendToOutbox(manager, CATALOGUE_SCHEMA, events);
  return { created, refused };
}

/** One offer; a refusal is thrown. */
export async function createPublishedOffer(manager: EntityManager, input: PublishedOfferInput): Promise<Offer> {
  const { created, refused } = await createPublishedOffers(manager, [input]);
  if (refused[0]) throw refused[0].error;
  return created[0] as Offer;
}
