import { Column, COLUMNS, FORMAT_LABELS, normaliseHeader, SCHEDULE_LABELS, TARGET_GROUP_LABELS } from './csv-columns';

export interface CsvRow {
  /** Line of the file the record starts on (1 = header). */
  line: number;
  /** The need's fields in API form (as the create request takes them) plus companyId / companyName. */
  fields: Record<string, unknown>;
  /** Cells that could not be read at all. */
  reasons: string[];
}

export interface HeaderMapping {
  columns: Array<Column | undefined>;
  unknown: string[];
  missing: string[];
}

const byHeader = new Map(COLUMNS.flatMap((column) => column.headers.map((header) => [header, column] as const)));
const keys = (field: string) => (field === 'participantsAged45Plus' || field === 'participantsSeverelyDisabled' ? ['staff', field] : field === 'postalCode' || field === 'city' ? ['site', field] : [field]);

export function mapHeader(header: string[]): HeaderMapping {
  const columns = header.map((cell) => byHeader.get(normaliseHeader(cell)));
  const unknown = header.filter((_cell, index) => !columns[index] && header[index]?.trim());
  const present = new Set(columns.map((column) => column?.field));
  const missing = ['description', 'participants'].filter((field) => !present.has(field));
  if (!present.has('companyId') && !present.has('companyName')) missing.push('companyId|companyName');
  return { columns, unknown, missing };
}

/** `;` or `,`: whichever occurs more often in the header line (outside quotes is good enough for headers). */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/** Turns one record into the API's fields; cells that cannot be read become reasons. */
export function readRow(mapping: HeaderMapping, cells: string[], line: number): CsvRow {
  const fields: Record<string, unknown> = {};
  const reasons: string[] = [];
  mapping.columns.forEach((column, index) => {
    const raw = (cells[index] ?? '').trim();
    if (!column || raw === '') return;
    const value = readCell(column, raw);
    if (value === undefined) {
      reasons.push(`${column.headers[0]}: „${raw}“ ist kein gültiger Wert / not a valid value`);
      return;
    }
    const [outer, inner] = keys(column.field);
    if (inner) fields[outer as string] = { ...((fields[outer as string] as object | undefined) ?? {}), [inner]: value };
    else fields[outer as string] = value;
  });
  return { line, fields, reasons };
}

function readCell(column: Column, raw: string): unknown {
  switch (column.kind) {
    case 'text':
      return raw;
    case 'int':
      return /^\d+$/.test(raw) ? Number(raw) : undefined;
    case 'euro': {
      // German style: 1.250,50 €; also 1250.50
      const cleaned = raw.replace(/[€\s]/g, '');
      const normalised = /,\d{1,2}$/.test(cleaned) ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, '');
      return /^\d+(\.\d{1,2})?$/.test(normalised) ? Math.round(Number(normalised) * 100) : undefined;
    }
    case 'bool': {
      const value = raw.toLowerCase();
      return ['ja', 'j', 'x', 'yes', 'true', '1'].includes(value) ? true : ['nein', 'n', 'no', 'false', '0', '-'].includes(value) ? false : undefined;
    }
    case 'date': {
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
      if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
      return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
    }
    case 'list':
      return splitList(raw);
    case 'targetGroups':
      return labels(raw, TARGET_GROUP_LABELS);
    case 'formats':
      return labels(raw, FORMAT_LABELS);
    case 'schedules':
      return labels(raw, SCHEDULE_LABELS);
  }
}

const splitList = (raw: string): string[] => [...new Set(raw.split(/[|,]/).map((item) => item.trim()).filter(Boolean))];

/** German labels or the API's own codes; one unknown label makes the cell unreadable. */
function labels<T extends string>(raw: string, table: Record<string, T>): T[] | undefined {
  const codes = new Set(Object.values(table));
  const values = splitList(raw).map((item) => table[item.toLowerCase()] ?? (codes.has(item as T) ? (item as T) : undefined));
  return values.every((value): value is T => value !== undefined) ? [...new Set(values)] : undefined;
}
