import { CSV_BOM } from './csv';
import { gapsCsv } from './gaps-csv';

describe('gap report as CSV', () => {
  it('German headers, German labels and target groups, local time', () => {
    const csv = gapsCsv([
      {
        id: '6a0c3c65-5b7a-4d43-9b7e-3f5e0c7f1a01',
        version: 1,
        status: 'open',
        districtKey: '06635',
        districtName: 'Landkreis Waldeck-Frankenberg',
        skillGroup: 'http://data.europa.eu/esco/skill/abc',
        skillLabel: { de: 'Gabelstapler bedienen', en: 'operate forklift' },
        targetGroups: ['employees', 'older_employees'],
        participants: 7,
        companies: 3,
        needs: 3,
        updatedAt: '2026-07-01T10:30:00.000Z',
      },
    ]);
    const [header, row, end] = csv.slice(CSV_BOM.length).split('\r\n');
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(header).toBe('Landkreis (AGS);Landkreis;Fähigkeitsgruppe (ESCO);Fähigkeit;Zielgruppen;Teilnehmende;Unternehmen;Bedarfe;Status;Geändert am');
    expect(row).toBe('06635;Landkreis Waldeck-Frankenberg;http://data.europa.eu/esco/skill/abc;Gabelstapler bedienen;Beschäftigte, Ältere Beschäftigte;7;3;3;offen;2026-07-01 12:30');
    expect(end).toBe('');
  });

  it('an empty report is the header alone', () => {
    expect(gapsCsv([]).split('\r\n')).toHaveLength(2);
  });
});
