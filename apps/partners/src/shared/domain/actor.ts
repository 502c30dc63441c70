/** Roles as the platform's tokens carry them (kept here so domain rules need no framework import). */
export type ActorRole = 'operator' | 'coordinator' | 'company' | 'provider';

/**
 * Who acts, with what the partners service knows about them: the networks in which their
 * organisation is a coordinating member. A user with role `coordinator` acts only there.
 */
export interface Actor {
  subject: string;
  roles: readonly ActorRole[];
  partnerId: string;
  coordinatedNetworkIds: readonly string[];
}

export const isOperator = (actor: Actor): boolean => actor.roles.includes('operator');

/** Networks in which this actor may act as a coordinator (none without the role). */
export function coordinatingIn(actor: Actor): readonly string[] {
  return actor.roles.includes('coordinator') ? actor.coordinatedNetworkIds : [];
}
