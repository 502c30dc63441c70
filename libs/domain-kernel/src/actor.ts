/** Roles as the platform's tokens carry them (kept here so domain rules need no framework import). */
export type ActorRole = 'operator' | 'coordinator' | 'company' | 'provider';

/**
 * Who acts, completed from the acting service's own read model of partners: the networks in
 * which the actor's organisation is a coordinating member. A `coordinator` acts only there.
 */
export interface Actor {
  subject: string;
  roles: readonly ActorRole[];
  partnerId: string;
  coordinatedNetworkIds: readonly string[];
}

/** What a token says about its bearer (the platform's Principal has this shape). */
export interface TokenClaims {
  subject: string;
  roles: readonly ActorRole[];
  partnerId: string;
}

/** Stands for "no organisation" where a partner claim is not a UUID (it must not reach a uuid column). */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isOperator = (actor: Actor): boolean => actor.roles.includes('operator');

/** Networks in which this actor may act as a coordinator (none without the role). */
export function coordinatingIn(actor: Actor): readonly string[] {
  return actor.roles.includes('coordinator') ? actor.coordinatedNetworkIds : [];
}

/**
 * Completes token claims into an actor. `coordinatedBy` reads the service's read model (per
 * request, so a membership change applies at once) and is asked only for coordinators with a
 * real organisation; the identity provider may put anything into the partner claim.
 */
export async function resolveActor(claims: TokenClaims, coordinatedBy: (partnerId: string) => Promise<readonly string[]>): Promise<Actor> {
  const partnerId = UUID.test(claims.partnerId) ? claims.partnerId.toLowerCase() : NO_ORGANISATION;
  const coordinatedNetworkIds = claims.roles.includes('coordinator') && partnerId !== NO_ORGANISATION ? await coordinatedBy(partnerId) : [];
  return { subject: claims.subject, roles: claims.roles, partnerId, coordinatedNetworkIds };
}
