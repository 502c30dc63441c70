import { Inject, Injectable } from '@nestjs/common';
import { PostalCodeInfo } from '@bildungsraum/reference-data';
import { DomainError } from '@bildungsraum/domain-kernel';
import { CompanyRecord } from '../../directory/infra/directory.repository';
import { NeedSite } from '../domain/need-content';

export const POSTAL_CODE_LOOKUP = Symbol('POSTAL_CODE_LOOKUP');

export interface PostalCodeLookup {
  lookup(postalCode: string): Promise<PostalCodeInfo | undefined>;
}

export interface SiteInput {
  siteId?: string;
  postalCode?: string;
  city?: string;
}

const siteFault = (field: string, detail: string) =>
  new DomainError('invalid', 'site.invalid', 'Ort des Bedarfs unbekannt / the need’s site is unknown', [{ field: `site.${field}`, in: 'body', detail }]);

/**
 * Where a need is: one of the company's sites (as partners published it), a place of its own
 * (postal code → coordinates and district from the reference data), or by default the
 * company's first site.
 */
@Injectable()
export class SiteResolver {
  constructor(@Inject(POSTAL_CODE_LOOKUP) private readonly postalCodes: PostalCodeLookup) {}

  async resolve(company: CompanyRecord, input: SiteInput | undefined): Promise<NeedSite> {
    if (input?.postalCode) {
      const info = await this.postalCodes.lookup(input.postalCode);
      if (!info) throw siteFault('postalCode', 'unbekannte Postleitzahl / unknown postal code');
      return { postalCode: info.postalCode, city: input.city ?? info.placeName, location: info.location, districtKey: info.districtKey };
    }
    const site = input?.siteId ? company.sites.find((candidate) => candidate.id === input.siteId) : company.sites[0];
    if (!site) throw siteFault(input?.siteId ? 'siteId' : 'postalCode', input?.siteId ? 'kein Standort dieses Unternehmens / not a site of this company' : 'Unternehmen hat keinen Standort: Postleitzahl angeben / company has no site: give a postal code');
    if (site.location && site.districtKey) {
      return { siteId: site.id, postalCode: site.postalCode, city: site.city, location: site.location, districtKey: site.districtKey };
    }
    const info = await this.postalCodes.lookup(site.postalCode);
    if (!info) throw siteFault('siteId', 'Standort ohne bekannte Postleitzahl / site has no known postal code');
    return { siteId: site.id, postalCode: site.postalCode, city: site.city, location: info.location, districtKey: info.districtKey };
  }
}
