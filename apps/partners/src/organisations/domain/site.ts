import { GeoPointV1 } from '@bildungsraum/contracts';

/** A place where the organisation works or teaches; coordinates and district come from the postal code. */
export interface Site {
  id: string;
  label: string;
  street?: string;
  postalCode: string;
  city: string;
  location?: GeoPointV1;
  districtKey?: string;
}

/** What a caller states about a site; the rest is resolved from reference data. */
export type SiteInput = Omit<Site, 'location' | 'districtKey'>;

/** The place a postal code stands for, as the reference data knows it. */
export interface ResolvedPostalCode {
  location: GeoPointV1;
  districtKey: string;
}

/** Port to the reference data (postal code → coordinates and district). */
export interface PostalCodeLookup {
  lookup(postalCode: string): Promise<ResolvedPostalCode | undefined>;
}
