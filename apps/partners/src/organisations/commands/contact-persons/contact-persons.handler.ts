import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { notFound } from '../../../shared/domain/partner-errors';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { ContactPerson } from '../../domain/contact-person';
import { organisationRepository } from '../../infra/organisation.repository';
import { ContactPersonRequest } from '../organisation-fields';
import { loadForChange } from '../load-for-change';

/**
 * Contact persons are personal data: they change no version and raise no event (nothing about
 * them may leave this service), and deleting one erases the row for good.
 */
@Injectable()
export class ContactPersonsHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  add(principal: Principal, organisationId: string, request: ContactPersonRequest): Promise<ContactPerson> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, organisationId, 'canManageContacts');
      const contact: ContactPerson = { id: randomUUID(), ...request };
      organisation.addContact(contact);
      await organisationRepository.save(manager, organisation);
      return { result: contact, events: [] };
    });
  }

  list(principal: Principal, organisationId: string): Promise<ContactPerson[]> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, organisationId, 'canManageContacts');
      return { result: [...organisation.contacts], events: [] };
    });
  }

  erase(principal: Principal, organisationId: string, contactId: string): Promise<void> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, organisationId, 'canManageContacts');
      if (!organisation.eraseContact(contactId)) throw notFound('contact');
      await organisationRepository.save(manager, organisation);
      return { result: undefined, events: [] };
    });
  }
}
