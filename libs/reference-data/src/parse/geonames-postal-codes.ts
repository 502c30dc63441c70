import { columnIndex, CsvRecord, districtKeyOf, field, isInGermany, parseDecimal, readRecords } from './csv-records';
import { Parsed, ReportBuilder } from './source-report';

/** One place of a postal code as GeoNames lists it (a postal code usually has several). */
export interface GeoNamesPlace {
  postalCode: string;
  placeName: string;
  stateName?: string;
  /** `admin code3`: the 5-digit district key (Kreis AGS), absent for a few special codes. */
  districtKey?: string;
  districtName?: string;
  lat: number;
  lon: number;
}

/**
 * The official GeoNames dump (`DE.txt` from download.geonames.org/export/zip) is tab-separated
 * without a header: country code, postal code, place name, admin name1..3 with codes, latitude,
 * longitude, accuracy. Re-distributions (e.g. `plz_geonames_DE.csv`) carry the same columns as
 * CSV with a header row (`country_code,zipcode,place,state,...`). Both are accepted.
 */
const OFFICIAL_POSITIONS = { country: 0, postalCode: 1, placeName: 2, stateName: 3, districtName: 7, districtKey: 8, lat: 9, lon: 10 };

const HEADER_NAMES = {
  country: ['country_code', 'country code', 'countrycode'],
  postalCode: ['zipcode', 'postal_code', 'postal code', 'postalcode', 'plz'],
  placeName: ['place', 'place_name', 'place name', 'placename'],
  stateName: ['state', 'admin_name1', 'admin name1'],
  districtName: ['community', 'admin_name3', 'admin name3'],
  districtKey: ['community_code', 'admin_code3', 'admin code3'],
  lat: ['latitude', 'lat'],
  lon: ['longitude', 'lon', 'lng'],
} as const;

export function parseGeoNamesPostalCodes(text: string, source = 'geonames postal codes'): Parsed<GeoNamesPlace> {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const hasHeader = /^"?country[_ ]?code"?\s*[,;\t]/i.test(firstLine);
  const builder = new ReportBuilder<GeoNamesPlace>(source);
  if (!hasHeader) {
    for (const record of readRecords(text, { delimiter: '\t', quote: false }, source)) {
      if (record.fields.length < 11) builder.reject(record.line, 'too few columns');
      else validate(record, OFFICIAL_POSITIONS, builder);
    }
    return builder.result();
  }
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.includes(';') ? ';' : ',';
  const [header, ...records] = readRecords(text, { delimiter, quote: true }, source);
  const positions = columnIndex(header.fields, HEADER_NAMES, ['postalCode', 'placeName', 'lat', 'lon'], source);
  for (const record of records) {
    if (record.fields.length !== header.fields.length) builder.reject(record.line, 'wrong number of columns');
    else validate(record, positions, builder);
  }
  return builder.result();
}

function validate(record: CsvRecord, at: Record<keyof typeof HEADER_NAMES, number>, builder: ReportBuilder<GeoNamesPlace>): void {
  const country = field(record, at.country);
  const postalCode = field(record, at.postalCode);
  const placeName = field(record, at.placeName);
  const lat = parseDecimal(field(record, at.lat));
  const lon = parseDecimal(field(record, at.lon));
  const rawDistrictKey = field(record, at.districtKey);
  if (country && country !== 'DE') return builder.reject(record.line, 'country is not DE');
  if (!/^\d{5}$/.test(postalCode)) return builder.reject(record.line, 'postal code must have 5 digits');
  if (!placeName) return builder.reject(record.line, 'place name is empty');
  if (lat === undefined || lon === undefined) return builder.reject(record.line, 'latitude/longitude missing or not a number');
  if (!isInGermany(lat, lon)) return builder.reject(record.line, 'coordinates outside Germany');
  const districtKey = districtKeyOf(rawDistrictKey);
  if (rawDistrictKey && !districtKey) return builder.reject(record.line, 'district key (admin code3) must have 5 digits');
  builder.accept({
    postalCode,
    placeName,
    ...optional('stateName', field(record, at.stateName)),
    ...optional('districtName', field(record, at.districtName)),
    ...(districtKey ? { districtKey } : {}),
    lat,
    lon,
  });
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}
