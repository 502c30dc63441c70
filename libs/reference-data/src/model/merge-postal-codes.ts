import { GeoNamesPlace } from '../parse/geonames-postal-codes';
import { PostalCodeMunicipality } from '../parse/postal-code-municipalities';
import { ReportBuilder, SourceReport } from '../parse/source-report';
import { DistrictRecord, PostalCodeRecord } from './reference-set';

/**
 * One record per postal code from the GeoNames places and the municipality assignment.
 *
 * A postal code can span several districts (e.g. 54298 reaches into Trier-Saarburg and the
 * Eifelkreis). We assign it to the district that most of its places belong to: counted by
 * municipalities of the assignment where it lists the code (one row per municipality, the
 * fairer count), otherwise by GeoNames places; ties go to the district with more GeoNames
 * places, then to the lower key, so the result is deterministic. All spanned districts are
 * kept in `districtKeys` for consumers that need them.
 */
export function mergePostalCodes(
  places: GeoNamesPlace[],
  municipalities: PostalCodeMunicipality[],
  districts: DistrictRecord[],
): { postalCodes: PostalCodeRecord[]; report: SourceReport } {
  const builder = new ReportBuilder<PostalCodeRecord>('postal codes (merged)');
  const knownDistricts = new Map(districts.map((district) => [district.key, district]));
  const placesByCode = groupBy(places, (place) => place.postalCode);
  const municipalitiesByCode = groupBy(municipalities, (municipality) => municipality.postalCode);
  const codes = [...new Set([...placesByCode.keys(), ...municipalitiesByCode.keys()])].sort();
  for (const postalCode of codes) {
    const codePlaces = placesByCode.get(postalCode) ?? [];
    const codeMunicipalities = municipalitiesByCode.get(postalCode) ?? [];
    const placeVotes = countBy(codePlaces.filter((place) => place.districtKey && knownDistricts.has(place.districtKey)), (place) => place.districtKey as string);
    const municipalityVotes = countBy(
      uniqueBy(codeMunicipalities.filter((m) => knownDistricts.has(m.districtKey)), (m) => m.municipalityKey),
      (m) => m.districtKey,
    );
    const primaryVotes = municipalityVotes.size ? municipalityVotes : placeVotes;
    const ranked = [...new Set([...primaryVotes.keys(), ...placeVotes.keys()])].sort(
      (a, b) => (primaryVotes.get(b) ?? 0) - (primaryVotes.get(a) ?? 0) || (placeVotes.get(b) ?? 0) - (placeVotes.get(a) ?? 0) || a.localeCompare(b),
    );
    const districtKey = ranked[0];
    if (!districtKey) {
      builder.reject(0, 'postal code has no known district in any source', postalCode);
      continue;
    }
    const district = knownDistricts.get(districtKey) as DistrictRecord;
    const placesInDistrict = codePlaces.filter((place) => place.districtKey === districtKey);
    const located = placesInDistrict.length ? placesInDistrict : codePlaces;
    const location = located.length ? mean(located) : district.lat !== undefined && district.lon !== undefined ? { lat: district.lat, lon: district.lon } : undefined;
    if (!location) {
      builder.reject(0, 'postal code has no coordinates (no place and no district centroid)', postalCode);
      continue;
    }
    const placeName =
      codeMunicipalities.find((m) => m.districtKey === districtKey)?.placeName ?? located[0]?.placeName ?? district.name;
    builder.accept({
      postalCode,
      placeName,
      lat: location.lat,
      lon: location.lon,
      locationPrecision: located.length ? 'places' : 'district',
      districtKey,
      districtKeys: ranked,
    });
  }
  const { rows, report } = builder.result();
  return { postalCodes: rows, report };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function mean(points: Array<{ lat: number; lon: number }>): { lat: number; lon: number } {
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return {
    lat: round(points.reduce((sum, point) => sum + point.lat, 0) / points.length),
    lon: round(points.reduce((sum, point) => sum + point.lon, 0) / points.length),
  };
}
