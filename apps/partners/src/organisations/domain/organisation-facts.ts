import { PartnerKind, SizeClass } from '@bildungsraum/contracts';
import { DomainError } from '@bildungsraum/domain-kernel';
import { sizeClassFor } from './size-class';

export interface CompanyFacts {
  employees: number;
  sizeClass: SizeClass;
  /** WZ 2008 code, e.g. `C` or `25.62`. */
  sector?: string;
}

export interface ProviderFacts {
  /** Trägerzulassung under AZAV; a Bildungsgutschein or § 82 funding needs it. */
  azavApproved: boolean;
  /** ISO date (YYYY-MM-DD) the approval expires. */
  azavValidUntil?: string;
}

export interface CompanyFactsInput {
  employees: number;
  sector?: string;
}

/** Kinds that teach, and so may hold an AZAV carrier approval (chambers run academies). */
export const TEACHING_KINDS: ReadonlyArray<PartnerKind> = ['provider', 'school', 'chamber'];

/** Company facts are required for companies and meaningless for everyone else. */
export function companyFactsFor(kind: PartnerKind, input: CompanyFactsInput | undefined): CompanyFacts | undefined {
  if (kind !== 'company') {
    if (input) throw new DomainError('invalid', 'partner.company-facts-not-allowed', `Nur Unternehmen haben Unternehmensangaben / only companies have company facts (kind ${kind})`);
    return undefined;
  }
  if (!input) throw new DomainError('invalid', 'partner.company-facts-required', 'Unternehmen brauchen die Zahl der Beschäftigten / companies need a head count');
  return { employees: input.employees, sizeClass: sizeClassFor(input.employees), ...(input.sector ? { sector: input.sector } : {}) };
}

export function providerFactsFor(kind: PartnerKind, input: ProviderFacts | undefined): ProviderFacts | undefined {
  if (!TEACHING_KINDS.includes(kind)) {
    if (input) throw new DomainError('invalid', 'partner.provider-facts-not-allowed', `AZAV-Angaben nur für Bildungsanbieter / AZAV facts only for teaching organisations (kind ${kind})`);
    return undefined;
  }
  const facts = input ?? { azavApproved: false };
  if (!facts.azavApproved && facts.azavValidUntil) {
    throw new DomainError('invalid', 'partner.azav-valid-until-without-approval', 'Gültigkeitsdatum ohne AZAV-Zulassung / validity date without AZAV approval');
  }
  return { azavApproved: facts.azavApproved, ...(facts.azavValidUntil ? { azavValidUntil: facts.azavValidUntil } : {}) };
}
