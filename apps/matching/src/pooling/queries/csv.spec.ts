import { CSV_BOM, csvCell, csvDocument } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM, separates by semicolon and ends lines with CRLF', () => {
    expect(csvDocument(['Landkreis', 'Teilnehmende'], [['06635', 4]])).toBe(`${CSV_BOM}Landkreis;Teilnehmende\r\n06635;4\r\n`);
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('Schweißen; MAG')).toBe('"Schweißen; MAG"');
    expect(csvCell('der "Staplerschein"')).toBe('"der ""Staplerschein"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('defuses cells a spreadsheet would run as a formula; numbers stay numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });
});
