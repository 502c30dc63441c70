import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { currentCause, ForbiddenProblem } from '@bildungsraum/platform';
import { invalid } from '@bildungsraum/domain-kernel';
import { CatalogueStore } from '../../shared/infra/catalogue-store';
import { notFound } from '../../shared/domain/catalogue-errors';
import { mayPublish, OFFERING_KINDS, providerDirectory } from '../../providers/provider-directory';
import { Caller, isOperatorCaller, isOwnProvider, mayManage, mayRead } from '../domain/offer-access';
import { CourseDateInput, Offer } from '../domain/offer';
import { CourseDate, OfferContent, OfferState } from '../domain/offer-model';
import { offerEvents } from '../infra/offer-events';
import { offerRepository } from '../infra/offer.repository';
import { searchExtras } from '../infra/search-extras';
import { resolveVenues } from '../infra/venue-resolver';
import { CourseDateRequest, CreateOfferRequest, UpdateCourseDateRequest, UpdateOfferRequest } from './offer.requests';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Use cases that change offers: each loads, applies the domain rule, saves and emits in one transaction. */
@Injectable()
export class OfferCommands {
  constructor(private readonly store: CatalogueStore) {}

  async create(caller: Caller, request: CreateOfferRequest): Promise<OfferState> {
    const providerId = this.providerFor(caller, request.providerId);
    return this.store.change(async (manager) => {
      const provider = await providerDirectory.find(manager, providerId);
      if (!provider || !OFFERING_KINDS.includes(provider.kind)) {
        throw invalid('provider.unknown', 'Bildungsträger unbekannt / unknown provider', [{ field: 'providerId', in: 'body', detail: `no provider ${providerId} known to the catalogue (yet)` }]);
      }
      const dates = await this.newDates(manager, request.dates ?? [], (index) => `dates.${index}.venue.postalCode`);
      const offer = Offer.draft({ id: randomUUID(), providerId, providerName: provider.name, content: contentOf(request), dates });
      await offerRepository.save(manager, offer, { skillLabels: [], programmeIds: [] });
      return { result: offer.snapshot, events: [] };
    });
  }

  update(caller: Caller, id: string, request: UpdateOfferRequest): Promise<OfferState> {
    return this.mutate(caller, id, async (offer, manager) => {
      const provider = await providerDirectory.find(manager, offer.snapshot.providerId);
      offer.updateContent(stripped(request), provider?.name);
    });
  }

  publish(caller: Caller, id: string): Promise<OfferState> {
    return this.mutate(caller, id, async (offer, manager) => {
      if (!isOwnProvider(caller, offer.snapshot)) {
        throw new ForbiddenProblem('Nur der Bildungsträger selbst veröffentlicht seine Angebote / only the provider itself publishes its offers');
      }
      offer.publish(mayPublish(await providerDirectory.find(manager, offer.snapshot.providerId)));
    });
  }

  withdraw(caller: Caller, id: string, reason?: string): Promise<OfferState> {
    return this.mutate(caller, id, async (offer) => offer.withdraw(reason));
  }

  archive(caller: Caller, id: string): Promise<OfferState> {
    return this.mutate(caller, id, async (offer) => offer.archive());
  }

  async addDate(caller: Caller, id: string, request: CourseDateRequest): Promise<CourseDate> {
    const dateId = randomUUID();
    const state = await this.mutate(caller, id, async (offer, manager) => {
      const [date] = await this.newDates(manager, [request], () => 'venue.postalCode', dateId);
      offer.addDate(date);
    });
    return state.dates.find((date) => date.id === dateId) as CourseDate;
  }

  async updateDate(caller: Caller, id: string, dateId: string, request: UpdateCourseDateRequest): Promise<CourseDate> {
    const state = await this.mutate(caller, id, async (offer) => offer.updateDate(dateId, stripped(request)));
    return state.dates.find((date) => date.id === dateId) as CourseDate;
  }

  removeDate(caller: Caller, id: string, dateId: string): Promise<OfferState> {
    return this.mutate(caller, id, async (offer) => offer.removeDate(dateId));
  }

  /** Loads with a row lock, checks visibility (404) and management right (403), saves and emits. */
  private mutate(caller: Caller, id: string, work: (offer: Offer, manager: EntityManager) => Promise<void>): Promise<OfferState> {
    if (!UUID.test(id)) throw notFound('offer');
    return this.store.change(async (manager) => {
      const offer = await offerRepository.load(manager, id, { lock: true });
      if (!offer || !mayRead(caller, offer.snapshot)) throw notFound('offer');
      if (!mayManage(caller, offer.snapshot)) throw new ForbiddenProblem('Nur der Bildungsträger oder der Betrieb der Plattform ändert Angebote / only the provider or operators change offers');
      await work(offer, manager);
      return saveAndEmit(manager, offer);
    });
  }

  private providerFor(caller: Caller, requested: string | undefined): string {
    if (isOperatorCaller(caller)) {
      if (!requested) throw invalid('offer.provider-required', 'providerId fehlt / providerId required', [{ field: 'providerId', in: 'body', detail: 'operators name the provider' }]);
      return requested.toLowerCase();
    }
    if (!caller.roles.includes('provider') || !UUID.test(caller.partnerId)) {
      throw new ForbiddenProblem('Nur Bildungsträger legen Angebote an / only providers create offers');
    }
    if (requested && requested.toLowerCase() !== caller.partnerId.toLowerCase()) {
      throw new ForbiddenProblem('Angebote nur für die eigene Organisation / offers only for your own organisation');
    }
    return caller.partnerId.toLowerCase();
  }

  private async newDates(manager: EntityManager, requests: CourseDateRequest[], fieldOf: (index: number) => string, firstId?: string): Promise<CourseDateInput[]> {
    const resolved = await resolveVenues(manager, requests, fieldOf);
    return resolved.map((date, index) => ({ ...date, id: index === 0 && firstId ? firstId : randomUUID() }));
  }
}

/** Saves the offer with fresh search rows and writes the events its changes caused. */
export async function saveAndEmit(manager: EntityManager, offer: Offer): Promise<{ result: OfferState; events: ReturnType<typeof offerEvents> }> {
  const changes = offer.pullChanges();
  const state = offer.snapshot;
  await offerRepository.save(manager, offer, await searchExtras(manager, state));
  // Several changes in one transaction (e.g. seats of two matches) become one update of the result.
  const collapsed = changes.filter((change, index) => change.type !== 'updated' || !changes.slice(index + 1).some((later) => later.type === 'updated'));
  return { result: state, events: offerEvents(state, collapsed, currentCause()) };
}

function contentOf(request: CreateOfferRequest): OfferContent {
  return stripped({
    title: request.title,
    description: request.description ?? '',
    skills: request.skills ?? [],
    occupationKldb: request.occupationKldb,
    occupationEsco: request.occupationEsco,
    certificate: request.certificate,
    dqrLevel: request.dqrLevel,
    hours: request.hours,
    formats: request.formats,
    language: request.language ?? 'de',
    targetGroups: request.targetGroups ?? [],
    accessibility: request.accessibility ?? [],
    priceCents: request.priceCents ?? 0,
    azavApproved: request.azavApproved ?? false,
    measureNumber: request.measureNumber,
  });
}

function stripped<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
