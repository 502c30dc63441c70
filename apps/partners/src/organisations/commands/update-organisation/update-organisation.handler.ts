import { Injectable } from '@nestjs/common';
import { currentCause, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { organisationEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { organisationRepository } from '../../infra/organisation.repository';
import { SiteResolver } from '../../infra/site-resolver';
import { OrganisationView, toOrganisationView } from '../../queries/organisation.view';
import { loadForChange } from '../load-for-change';
import { UpdateOrganisationRequest } from './update-organisation.request';

@Injectable()
export class UpdateOrganisationHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
    private readonly sites: SiteResolver,
  ) {}

  async execute(principal: Principal, id: string, request: UpdateOrganisationRequest): Promise<OrganisationView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, id, 'canUpdate');
      // Resolved after the access check, so that a foreign id answers 404 before any 422.
      const sites = request.sites ? await this.sites.resolve(request.sites) : undefined;
      organisation.update({ name: request.name, company: request.company, provider: request.provider, sites });
      const events = organisationEvents(organisation.pullChanges(), currentCause());
      if (events.length) await organisationRepository.save(manager, organisation, { withContacts: false });
      return { result: toOrganisationView(organisation, { withContacts: true }), events };
    });
  }
}
