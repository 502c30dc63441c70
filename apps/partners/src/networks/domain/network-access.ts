import { Actor, coordinatingIn, isOperator } from '../../shared/domain/actor';

export interface NetworkScope {
  id: string;
  memberIds: readonly string[];
}

/**
 * Networks: operators create and change everything; a network's coordinators change its details
 * and add or remove ordinary members; members see the networks they belong to. Only operators
 * appoint or remove coordinating organisations, so a coordinator cannot hand the network on.
 */
export const networkAccess = {
  canCreate: (actor: Actor): boolean => isOperator(actor),
  canRead(actor: Actor, network: NetworkScope): boolean {
    return isOperator(actor) || network.memberIds.includes(actor.partnerId);
  },
  canUpdate(actor: Actor, network: NetworkScope): boolean {
    return isOperator(actor) || coordinatingIn(actor).includes(network.id);
  },
  canManageMember(actor: Actor, network: NetworkScope, roles: { current?: string; wanted?: string }): boolean {
    if (isOperator(actor)) return true;
    if (!coordinatingIn(actor).includes(network.id)) return false;
    return roles.current !== 'coordinator' && roles.wanted !== 'coordinator';
  },
};
