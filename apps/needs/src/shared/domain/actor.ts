/** Roles as the platform's tokens carry them (kept here so domain rules need no framework import). */
export type ActorRole = 'operator' | 'coordinator' | 'company' | 'provider';

/**
 * Who acts, completed from this service's read model of partners: the networks in which the
 * actor's organisation is a coordinating member. A `coordinator` acts only there.
 */
export interface Actor {
  subject: string;
  roles: readonly ActorRole[];
  partnerId: string;
  coordinatedNetworkIds: readonly string[];
}

export const isOperator = (actor: Actor): boolean => actor.roles.includes('operator');
export const isCompanyUser = (actor: Actor): boolean => actor.roles.includes('company');

export function coordinatingIn(actor: Actor): readonly string[] {
  return actor.roles.includes('coordinator') ? actor.coordinatedNetworkIds : [];
}

/** What the read model knows of the company a need belongs to. */
export interface CompanyFacts {
  id: string;
  status: 'pending' | 'verified' | 'rejected' | 'deactivated';
  networkIds: readonly string[];
}

/** May the actor see (and act on) needs of this company? Providers never see needs here. */
export function mayActForCompany(actor: Actor, company: Pick<CompanyFacts, 'id' | 'networkIds'>): boolean {
  if (isOperator(actor)) return true;
  if (isCompanyUser(actor) && actor.partnerId === company.id) return true;
  const coordinated = coordinatingIn(actor);
  return company.networkIds.some((id) => coordinated.includes(id));
}

/** How a capture is recorded: the company itself, a coordinator on its behalf, or an operator. */
export function captureRole(actor: Actor, companyId: string): 'company' | 'coordinator' | 'operator' {
  if (isCompanyUser(actor) && actor.partnerId === companyId) return 'company';
  if (coordinatingIn(actor).length > 0 && !isOperator(actor)) return 'coordinator';
  return isOperator(actor) ? 'operator' : 'coordinator';
}
