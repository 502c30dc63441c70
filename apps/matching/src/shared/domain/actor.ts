import { MatchStatus } from '@bildungsraum/contracts';

/** Roles as the platform's tokens carry them (kept here so domain rules need no framework import). */
export type ActorRole = 'operator' | 'coordinator' | 'company' | 'provider';

/** Who acts, completed from the read model of partners: the networks its organisation coordinates. */
export interface Actor {
  roles: readonly ActorRole[];
  partnerId: string;
  coordinatedNetworkIds: readonly string[];
}

export const isOperator = (actor: Actor): boolean => actor.roles.includes('operator');

/** The company of a need as far as this service knows it (networks from partners.* events). */
export interface CompanyScope {
  id: string;
  networkIds: readonly string[];
}

/** The company itself, a coordinator of one of its networks, or an operator. */
export function speaksForCompany(actor: Actor, company: CompanyScope): boolean {
  if (isOperator(actor)) return true;
  if (actor.roles.includes('company') && actor.partnerId === company.id) return true;
  const coordinated = actor.roles.includes('coordinator') ? actor.coordinatedNetworkIds : [];
  return company.networkIds.some((id) => coordinated.includes(id));
}

/** The provider of the course (or an operator). */
export function speaksForProvider(actor: Actor, providerId: string): boolean {
  return isOperator(actor) || (actor.roles.includes('provider') && actor.partnerId === providerId);
}

/**
 * Who may see a match: the company side always; the provider once the company accepted it
 * (before that, needs are confidential and proposals are the company's business).
 */
export function mayReadMatch(actor: Actor, match: { company: CompanyScope; providerId: string; status: MatchStatus }): boolean {
  if (speaksForCompany(actor, match.company)) return true;
  return speaksForProvider(actor, match.providerId) && ['accepted', 'confirmed', 'rejected'].includes(match.status);
}
