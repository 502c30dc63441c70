import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@bildungsraum/domain-kernel';
import { PostalCodeLookup, Site, SiteInput } from '../domain/site';

export const POSTAL_CODE_LOOKUP = Symbol('POSTAL_CODE_LOOKUP');

/**
 * Completes the sites a caller states with coordinates and district from the reference data.
 * An unknown postal code is a well-formed but unprocessable request: 422 naming the field.
 */
@Injectable()
export class SiteResolver {
  constructor(@Inject(POSTAL_CODE_LOOKUP) private readonly postalCodes: PostalCodeLookup) {}

  async resolve(inputs: ReadonlyArray<Omit<SiteInput, 'id'> & { id?: string }>): Promise<Site[]> {
    const unknown: Array<{ field: string; in: 'body'; detail: string }> = [];
    const sites: Site[] = [];
    for (const [index, input] of inputs.entries()) {
      const place = await this.postalCodes.lookup(input.postalCode);
      if (!place) {
        unknown.push({ field: `sites.${index}.postalCode`, in: 'body', detail: `Unbekannte Postleitzahl / unknown postal code ${input.postalCode}` });
        continue;
      }
      sites.push({
        id: input.id ?? randomUUID(),
        label: input.label,
        ...(input.street ? { street: input.street } : {}),
        postalCode: input.postalCode,
        city: input.city,
        location: place.location,
        districtKey: place.districtKey,
      });
    }
    if (unknown.length) {
      throw new DomainError('invalid', 'partner.unknown-postal-code', 'Postleitzahl nicht gefunden / postal code not found', unknown);
    }
    return sites;
  }
}
