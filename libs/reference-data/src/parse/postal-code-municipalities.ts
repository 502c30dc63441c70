import { columnIndex, field, readRecords } from './csv-records';
import { Parsed, ReportBuilder } from './source-report';

/** A municipality (Gemeinde) that a postal code reaches into. */
export interface PostalCodeMunicipality {
  postalCode: string;
  /** 8-digit Gemeinde AGS; its first five digits are the district key. */
  municipalityKey: string;
  districtKey: string;
  placeName: string;
  districtName?: string;
}

const HEADER_NAMES = {
  municipalityKey: ['ags', 'gemeindeschluessel', 'gemeindeschlüssel'],
  placeName: ['ort', 'gemeinde', 'place'],
  postalCode: ['plz', 'postal_code', 'zipcode'],
  districtName: ['landkreis', 'kreis', 'district'],
} as const;

/** Postal code ↔ municipality assignment (OSM-derived `zuordnung_plz_ort.csv`: osm_id, ags, ort, plz, landkreis, bundesland). */
export function parsePostalCodeMunicipalities(text: string, source = 'postal code municipalities'): Parsed<PostalCodeMunicipality> {
  const builder = new ReportBuilder<PostalCodeMunicipality>(source);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const [header, ...records] = readRecords(text, { delimiter: firstLine.includes(';') ? ';' : ',', quote: true }, source);
  if (!header) return builder.result();
  const at = columnIndex(header.fields, HEADER_NAMES, ['municipalityKey', 'placeName', 'postalCode'], source);
  for (const record of records) {
    if (record.fields.length !== header.fields.length) {
      builder.reject(record.line, 'wrong number of columns');
      continue;
    }
    const municipalityKey = field(record, at.municipalityKey);
    const postalCode = field(record, at.postalCode);
    const placeName = field(record, at.placeName);
    if (!/^\d{8}$/.test(municipalityKey)) builder.reject(record.line, 'municipality key (AGS) must have 8 digits');
    else if (!/^\d{5}$/.test(postalCode)) builder.reject(record.line, 'postal code must have 5 digits');
    else if (!placeName) builder.reject(record.line, 'place name is empty');
    else {
      const districtName = field(record, at.districtName);
      builder.accept({
        postalCode,
        municipalityKey,
        districtKey: municipalityKey.slice(0, 5),
        placeName,
        ...(districtName ? { districtName } : {}),
      });
    }
  }
  return builder.result();
}
