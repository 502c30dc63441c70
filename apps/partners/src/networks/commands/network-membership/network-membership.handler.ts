import { Injectable } from '@nestjs/common';
import { NetworkMemberRole } from '@bildungsraum/contracts';
import { currentCause, Principal } from '@bildungsraum/platform';
import { organisationRepository } from '../../../organisations/infra/organisation.repository';
import { Actor } from '../../../shared/domain/actor';
import { DomainError } from '@bildungsraum/domain-kernel';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { forbidden } from '../../../shared/domain/partner-errors';
import { networkEvents, organisationEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { Network } from '../../domain/network';
import { networkAccess } from '../../domain/network-access';
import { networkRepository } from '../../infra/network.repository';
import { NetworkView, toNetworkView } from '../../queries/network.view';
import { loadVisibleNetwork, scopeOf } from '../load-network';

/**
 * Joining, changing role and leaving. The member's snapshot lists its networks (`networkIds`),
 * so a join or leave changes both aggregates: network.updated and partner.updated are written
 * in the same transaction. Locks are taken network first, then organisation, everywhere.
 */
@Injectable()
export class NetworkMembershipHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  setMember(principal: Principal, networkId: string, partnerId: string, role: NetworkMemberRole): Promise<NetworkView> {
    return this.change(principal, networkId, partnerId, role, (network) => network.setMember(partnerId, role));
  }

  removeMember(principal: Principal, networkId: string, partnerId: string): Promise<NetworkView> {
    return this.change(principal, networkId, partnerId, undefined, (network) => network.removeMember(partnerId));
  }

  private change(
    principal: Principal,
    networkId: string,
    partnerId: string,
    wanted: NetworkMemberRole | undefined,
    apply: (network: Network) => ReturnType<Network['setMember']>,
  ): Promise<NetworkView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const network = await loadVisibleNetwork(manager, actor, networkId, { forUpdate: true });
      this.assertMayManage(actor, network, partnerId, wanted);
      const organisation = await organisationRepository.load(manager, partnerId, { forUpdate: true });
      if (!organisation) {
        throw new DomainError('invalid', 'network.unknown-partner', 'Unbekannte Organisation / unknown organisation', [{ field: 'partnerId', in: 'path', detail: 'no such organisation' }]);
      }
      if (wanted && organisation.status === 'deactivated') {
        throw new DomainError('conflict', 'partner.deactivated', 'Deaktivierte Organisationen können nicht beitreten / deactivated organisations cannot join');
      }
      const outcome = apply(network);
      if (outcome === 'unchanged') return { result: toNetworkView(network), events: [] };
      await networkRepository.save(manager, network);
      if (outcome !== 'role-changed') {
        organisation.setNetworkMembership(network.id, outcome === 'joined');
        await organisationRepository.save(manager, organisation, { withContacts: false });
      }
      const cause = currentCause();
      const events = [...networkEvents(network.pullChanges(), cause), ...organisationEvents(organisation.pullChanges(), cause)];
      return { result: toNetworkView(network), events };
    });
  }

  private assertMayManage(actor: Actor, network: Network, partnerId: string, wanted: NetworkMemberRole | undefined): void {
    const current = network.roleOf(partnerId);
    if (!networkAccess.canManageMember(actor, scopeOf(network), { current, wanted })) {
      throw forbidden('Mitglieder verwalten Betreiber und Koordination; Koordinierende ernennen nur Betreiber / only operators appoint coordinators');
    }
  }
}
