/**
 * CSV as German Excel opens it with a double click: UTF-8 with a byte order mark (otherwise
 * umlauts break), semicolons (the comma is the decimal separator), CRLF line ends. Cells that a
 * spreadsheet would read as a formula (=, +, -, @, tab, CR) get a leading apostrophe, so an
 * exported value can never run as one (CSV injection).
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
