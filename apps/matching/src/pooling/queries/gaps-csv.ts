import { csvDocument } from './csv';
import { GapView } from './gap.view';

const TARGET_GROUP_DE: Record<string, string> = {
  apprentices: 'Auszubildende',
  employees: 'Beschäftigte',
  low_skilled: 'Geringqualifizierte',
  refugees_migrants: 'Geflüchtete und Zugewanderte',
  returners: 'Berufsrückkehrende',
  disadvantaged_youth: 'Benachteiligte Jugendliche',
  older_employees: 'Ältere Beschäftigte',
  other: 'Sonstige',
};

export const GAP_CSV_HEADER = ['Landkreis (AGS)', 'Landkreis', 'Fähigkeitsgruppe (ESCO)', 'Fähigkeit', 'Zielgruppen', 'Teilnehmende', 'Unternehmen', 'Bedarfe', 'Status', 'Geändert am'];

/** Local time in Germany as spreadsheets read it (`2026-11-21 17:45`). */
const berlinTime = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** The gap report as a CSV document with German headers (see csv.ts for the Excel conventions). */
export function gapsCsv(gaps: readonly GapView[]): string {
  return csvDocument(
    GAP_CSV_HEADER,
    gaps.map((gap) => [
      gap.districtKey,
      gap.districtName ?? '',
      gap.skillGroup,
      gap.skillLabel.de ?? gap.skillLabel.en ?? '',
      gap.targetGroups.map((group) => TARGET_GROUP_DE[group] ?? group).join(', '),
      gap.participants,
      gap.companies,
      gap.needs,
      gap.status === 'open' ? 'offen' : 'geschlossen',
      berlinTime(gap.updatedAt),
    ]),
  );
}
