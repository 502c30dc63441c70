import { columnIndex, CsvRecord, districtKeyOf, field, isInGermany, parseDecimal, readRecords } from './csv-records';
import { Parsed, ReportBuilder } from './source-report';

/** A Kreis or kreisfreie Stadt as one district list describes it; lists complement each other. */
export interface DistrictRow {
  /** 5-digit AGS of the district. */
  key: string;
  name: string;
  /** `Landkreis`, `Kreisfreie Stadt`, `Kreis`, ... */
  kind?: string;
  nuts3?: string;
  population?: number;
  areaKm2?: number;
  lat?: number;
  lon?: number;
}

const HEADER_NAMES = {
  key: ['ags', 'rs', 'key', 'krs'],
  name: ['name', 'gen'],
  kind: ['bez', 'type', 'kind'],
  nuts3: ['nuts3', 'nuts'],
  population: ['population', 'ewz', 'einwohner'],
  areaKm2: ['area_km2', 'kfl', 'qkm'],
  lat: ['lat', 'latitude'],
  lon: ['lon', 'longitude', 'lng'],
} as const;

/**
 * District lists in CSV: the derived centroid list (`ags,name,bez,nuts3,lat,lon,population`)
 * and the Destatis list (`AGS;type;name;NUTS3;area_km2;population;...`). The delimiter is
 * detected from the header.
 */
export function parseDistricts(text: string, source = 'districts'): Parsed<DistrictRow> {
  const builder = new ReportBuilder<DistrictRow>(source);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...records] = readRecords(text, { delimiter: firstLine.includes(';') ? ';' : ',', quote: true }, source);
  if (!header) return builder.result();
  const at = columnIndex(header.fields, HEADER_NAMES, ['key', 'name'], source);
  for (const record of records) {
    if (record.fields.length !== header.fields.length) builder.reject(record.line, 'wrong number of columns');
    else validate(record, at, builder);
  }
  return builder.result();
}

function validate(record: CsvRecord, at: Record<keyof typeof HEADER_NAMES, number>, builder: ReportBuilder<DistrictRow>): void {
  // Some sources give the 8-digit form (e.g. Schweinfurt 09662000); the district is its first five digits.
  const key = districtKeyOf(field(record, at.key));
  const name = field(record, at.name);
  const lat = parseDecimal(field(record, at.lat));
  const lon = parseDecimal(field(record, at.lon));
  const population = parseDecimal(field(record, at.population));
  const areaKm2 = parseDecimal(field(record, at.areaKm2));
  if (!key) return builder.reject(record.line, 'district key (AGS) must have 5 digits');
  if (!name) return builder.reject(record.line, 'district name is empty');
  if ((lat === undefined) !== (lon === undefined)) return builder.reject(record.line, 'only one of latitude/longitude given');
  if (lat !== undefined && lon !== undefined && !isInGermany(lat, lon)) return builder.reject(record.line, 'coordinates outside Germany');
  if (population !== undefined && (!Number.isInteger(population) || population < 0)) {
    return builder.reject(record.line, 'population must be a non-negative integer');
  }
  const kind = field(record, at.kind);
  const nuts3 = field(record, at.nuts3);
  builder.accept({
    key,
    name,
    ...(kind ? { kind } : {}),
    ...(nuts3 ? { nuts3 } : {}),
    ...(population !== undefined ? { population } : {}),
    ...(areaKm2 !== undefined ? { areaKm2 } : {}),
    ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
  });
}
