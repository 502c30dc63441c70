import { Actor, coordinatingIn, isOperator } from '@bildungsraum/domain-kernel';

export { coordinatingIn, isOperator } from '@bildungsraum/domain-kernel';
export type { Actor, ActorRole } from '@bildungsraum/domain-kernel';

export const isCompanyUser = (actor: Actor): boolean => actor.roles.includes('company');

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
