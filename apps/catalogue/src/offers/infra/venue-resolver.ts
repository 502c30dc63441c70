import { EntityManager } from 'typeorm';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { CATALOGUE_SCHEMA } from '../../db/catalogue-data-source';
import { FieldFault, invalid } from '@bildungsraum/domain-kernel';
import { Venue } from '../domain/offer-model';

const places = new Map<string, Awaited<ReturnType<PostalCodeDirectory['lookup']>>>();
const MAX_CACHED = 20_000;

export interface VenueInput {
  name?: string;
  street?: string;
  postalCode: string;
  city: string;
  /** Exact coordinates where known (imports); otherwise the postal code's centre. */
  location?: { lat: number; lon: number };
}

/**
 * Completes venues with coordinates and district from the reference data in the catalogue's own
 * schema. An unknown postal code is unprocessable: 422 naming the field.
 */
export async function resolveVenues<T extends { venue?: VenueInput }>(
  manager: EntityManager,
  dates: readonly T[],
  fieldOf: (index: number) => string,
): Promise<Array<Omit<T, 'venue'> & { venue?: Venue }>> {
  const directory = new PostalCodeDirectory(manager, CATALOGUE_SCHEMA);
  const lookup = async (postalCode: string) => {
    // Reference data changes only on a re-import (a restart); bulk imports ask for the same codes often.
    if (!places.has(postalCode)) {
      if (places.size >= MAX_CACHED) places.clear();
      places.set(postalCode, await directory.lookup(postalCode));
    }
    return places.get(postalCode);
  };
  const faults: FieldFault[] = [];
  const resolved: Array<Omit<T, 'venue'> & { venue?: Venue }> = [];
  for (const [index, date] of dates.entries()) {
    const { venue, ...rest } = date;
    if (!venue) {
      resolved.push(rest);
      continue;
    }
    const place = await lookup(venue.postalCode);
    if (!place) {
      faults.push({ field: fieldOf(index), in: 'body', detail: `Unbekannte Postleitzahl / unknown postal code ${venue.postalCode}` });
      continue;
    }
    resolved.push({ ...rest, venue: { ...venue, location: venue.location ?? place.location, districtKey: place.districtKey } });
  }
  if (faults.length) throw invalid('venue.unknown-postal-code', 'Postleitzahl nicht gefunden / postal code not found', faults);
  return resolved;
}
