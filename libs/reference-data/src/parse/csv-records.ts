import { parse } from 'csv-parse/sync';
import { ReferenceDataFormatError } from './source-report';

export interface CsvRecord {
  /** 1-based line number in the file, for rejection reports. */
  line: number;
  fields: string[];
}

export interface CsvDialect {
  delimiter: string;
  /** False for formats without quoting (GeoNames' tab-separated dump may contain stray quotes). */
  quote: boolean;
}

/**
 * Splits a delimited text into records. Rows with the wrong number of fields are kept (and
 * rejected by the caller with a reason) instead of aborting the whole file.
 */
export function readRecords(text: string, dialect: CsvDialect, source: string): CsvRecord[] {
  try {
    const parsed = parse(text, {
      delimiter: dialect.delimiter,
      quote: dialect.quote ? '"' : false,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as Array<{ record: string[]; info: { lines: number } }>;
    return parsed.map(({ record, info }) => ({ line: info.lines, fields: record.map((field) => field.trim()) }));
  } catch (error) {
    throw new ReferenceDataFormatError(`${source}: not readable as delimited text: ${(error as Error).message}`);
  }
}

/** Column positions by header name; throws when a required column is missing (wrong file). */
export function columnIndex<K extends string>(
  header: string[],
  wanted: Record<K, readonly string[]>,
  required: ReadonlyArray<NoInfer<K>>,
  source: string,
): Record<K, number> {
  const normalised = header.map((name) => name.replace(/^\uFEFF/, '').trim().toLowerCase());
  const index = {} as Record<K, number>;
  for (const key of Object.keys(wanted) as K[]) {
    index[key] = normalised.findIndex((name) => wanted[key].includes(name));
  }
  const missing = required.filter((key) => index[key] < 0);
  if (missing.length) {
    throw new ReferenceDataFormatError(`${source}: missing column(s) ${missing.join(', ')} in header "${header.join(',')}"`);
  }
  return index;
}

/** A field by position, or '' when the column is absent. */
export function field(record: CsvRecord, position: number): string {
  return position >= 0 ? (record.fields[position] ?? '') : '';
}

/** Parses a decimal number as found in the files (dot or German comma as decimal separator). */
export function parseDecimal(value: string): number | undefined {
  if (!value) return undefined;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : undefined;
}

/** Generous box around Germany: catches swapped, zero or garbage coordinates. */
export function isInGermany(lat: number, lon: number): boolean {
  return lat >= 47 && lat <= 55.2 && lon >= 5.5 && lon <= 15.5;
}

/** 5-digit district key from a 5-digit key or an 8-digit municipality/district AGS. */
export function districtKeyOf(ags: string): string | undefined {
  if (/^\d{5}$/.test(ags)) return ags;
  if (/^\d{8}$/.test(ags)) return ags.slice(0, 5);
  return undefined;
}
