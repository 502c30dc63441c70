import { CsvRecord, readRecords } from '../../parse/csv-records';

/**
 * Comma-separated records of an ESCO file. The relation files (120,000+ rows) contain no quotes
 * at all; for them a plain line/comma split gives the same records as csv-parse about ten
 * times faster. Files with quotes (multi-line label lists) go through csv-parse.
 */
export function readEscoRecords(text: string, source: string): CsvRecord[] {
  if (text.includes('"')) return readRecords(text, { delimiter: ',', quote: true }, source);
  const records: CsvRecord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    if (line.trim()) records.push({ line: index + 1, fields: line.split(',').map((field) => field.trim()) });
  }
  return records;
}
