import { Injectable } from '@nestjs/common';
import { currentCause, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { organisationEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { organisationRepository } from '../../infra/organisation.repository';
import { OrganisationView, toOrganisationView } from '../../queries/organisation.view';
import { loadForChange } from '../load-for-change';
import { DeactivateOrganisationRequest } from './deactivate-organisation.request';

/** By an operator, or by the organisation itself. Final: a deactivated organisation stays so. */
@Injectable()
export class DeactivateOrganisationHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, id: string, request: DeactivateOrganisationRequest): Promise<OrganisationView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, id, 'canDeactivate');
      organisation.deactivate(request.reasonCode, request.reason);
      await organisationRepository.save(manager, organisation, { withContacts: false });
      const events = organisationEvents(organisation.pullChanges(), currentCause());
      return { result: toOrganisationView(organisation, { withContacts: true }), events };
    });
  }
}
