import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { currentCause, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { forbidden } from '../../../shared/domain/partner-errors';
import { organisationEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { Organisation } from '../../domain/organisation';
import { organisationAccess } from '../../domain/organisation-access';
import { organisationRepository } from '../../infra/organisation.repository';
import { SiteResolver } from '../../infra/site-resolver';
import { OrganisationView, toOrganisationView } from '../../queries/organisation.view';
import { RegisterOrganisationRequest } from './register-organisation.request';

/** Any signed-in user may register an organisation; it starts pending until someone verifies it. */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
    private readonly sites: SiteResolver,
  ) {}

  async execute(principal: Principal, request: RegisterOrganisationRequest): Promise<OrganisationView> {
    const sites = await this.sites.resolve(request.sites);
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      if (request.verified && !organisationAccess.canRegisterVerified(actor)) {
        throw forbidden('Nur Betreiber legen geprüfte Organisationen an / only operators create verified organisations');
      }
      const organisation = Organisation.register({
        id: randomUUID(),
        kind: request.kind,
        name: request.name,
        company: request.company,
        provider: request.provider,
        sites,
        contacts: (request.contacts ?? []).map((contact) => ({ id: randomUUID(), ...contact })),
        verified: request.verified ?? false,
      });
      await organisationRepository.save(manager, organisation);
      const events = organisationEvents(organisation.pullChanges(), currentCause());
      return { result: toOrganisationView(organisation, { withContacts: true }), events };
    });
  }
}
