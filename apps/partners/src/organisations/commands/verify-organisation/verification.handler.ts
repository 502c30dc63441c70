import { Injectable } from '@nestjs/common';
import { currentCause, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { organisationEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { Organisation } from '../../domain/organisation';
import { organisationRepository } from '../../infra/organisation.repository';
import { OrganisationView, toOrganisationView } from '../../queries/organisation.view';
import { loadForChange } from '../load-for-change';

/** Verification decision by an operator or a coordinator of one of the organisation's networks. */
@Injectable()
export class VerificationHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  verify(principal: Principal, id: string): Promise<OrganisationView> {
    return this.decide(principal, id, (organisation) => organisation.verify());
  }

  reject(principal: Principal, id: string, reason: string): Promise<OrganisationView> {
    return this.decide(principal, id, (organisation) => organisation.reject(reason));
  }

  private decide(principal: Principal, id: string, decision: (organisation: Organisation) => void): Promise<OrganisationView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await loadForChange(manager, actor, id, 'canVerify');
      decision(organisation);
      await organisationRepository.save(manager, organisation, { withContacts: false });
      const events = organisationEvents(organisation.pullChanges(), currentCause());
      return { result: toOrganisationView(organisation, { withContacts: true }), events };
    });
  }
}
