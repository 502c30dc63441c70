import { EntityManager } from 'typeorm';
import { Actor, isCompanyUser, mayActForCompany } from '../../shared/domain/actor';
import { DomainError } from '@bildungsraum/domain-kernel';
import { notFound } from '../../shared/domain/need-errors';
import { CompanyRecord, directory } from '../../directory/infra/directory.repository';
import { CompanySnapshot, Need } from '../domain/need';
import { NeedSite } from '../domain/need-content';
import { needRepository } from '../infra/need.repository';

/** Loads a need for a change (locked); 404 when the caller may not see it. */
export async function loadForChange(manager: EntityManager, actor: Actor, id: string): Promise<{ need: Need; company?: CompanyRecord }> {
  const need = await needRepository.load(manager, id, { forUpdate: true });
  if (!need) throw notFound('need');
  const company = await directory.company(manager, need.snapshot.companyId);
  if (!mayActForCompany(actor, company ?? { id: need.snapshot.companyId, networkIds: [] })) throw notFound('need');
  return { need, company };
}

/** The company a new need is for: the caller's own, or one in a network the caller coordinates. */
export async function companyForCapture(
  manager: EntityManager,
  actor: Actor,
  companyId: string | undefined,
  lookup: (manager: EntityManager, id: string) => Promise<CompanyRecord | undefined> = directory.company,
): Promise<CompanyRecord> {
  const id = companyId ?? (isCompanyUser(actor) ? actor.partnerId : undefined);
  if (!id) {
    throw new DomainError('invalid', 'company.required', 'Unternehmen angeben / companyId is required', [{ field: 'companyId', in: 'body', detail: 'required unless you act for your own company' }]);
  }
  const company = await lookup(manager, id);
  if (!company && isCompanyUser(actor) && actor.partnerId === id) {
    throw new DomainError('invalid', 'company.unknown', 'Unternehmen ist (noch) nicht bekannt / company not known (yet)');
  }
  if (!company || !mayActForCompany(actor, company)) throw notFound('company');
  if (company.status === 'deactivated' || company.status === 'rejected') {
    throw new DomainError('invalid', 'company.inactive', 'Unternehmen ist deaktiviert oder abgelehnt / company is deactivated or rejected');
  }
  return company;
}

/** What events say about the company: size from partners, district of its main site. */
export function companySnapshot(company: CompanyRecord, site: NeedSite): CompanySnapshot {
  const districtKey = company.sites[0]?.districtKey ?? site.districtKey;
  return {
    ...(company.sizeClass ? { sizeClass: company.sizeClass } : {}),
    ...(company.employees !== undefined ? { employees: company.employees } : {}),
    ...(districtKey ? { districtKey } : {}),
  };
}
