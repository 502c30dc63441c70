import { Actor, isOperator } from '../../shared/domain/actor';

/**
 * How much a viewer learns about one company's need in pooled demand (ARCHITECTURE.md §6: needs
 * are confidential; providers see pooled demand without company names unless the company agreed).
 * - `full`: need and company (operators; coordinators of one of the company's networks).
 * - `named`: the company's name, not its need (the company agreed: nameVisibleToProviders).
 * - `anonymous`: participants and district only.
 */
export type Disclosure = 'full' | 'named' | 'anonymous';

export function disclosureOf(actor: Actor, company: { networkIds: readonly string[]; nameVisibleToProviders: boolean }): Disclosure {
  if (isOperator(actor)) return 'full';
  if (actor.roles.includes('coordinator') && company.networkIds.some((id) => actor.coordinatedNetworkIds.includes(id))) return 'full';
  return company.nameVisibleToProviders ? 'named' : 'anonymous';
}
