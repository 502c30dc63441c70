import { SourceReport, ReportBuilder } from '../../parse/source-report';
import { LANGS } from '../files/taxonomy-files';
import { Labels } from './taxonomy-set';

/**
 * Merges the per-language rows of one concept kind by URI, in the order of the sources: the
 * first source with labels in a language provides them (official per-language files before
 * collections), other fields are filled from later sources when still missing.
 */
export function mergeConcepts<T extends { uri: string; labels: Labels }>(
  name: string,
  sources: T[][],
): { rows: T[]; report: SourceReport } {
  const byUri = new Map<string, T>();
  for (const rows of sources) {
    for (const row of rows) {
      const existing = byUri.get(row.uri);
      if (!existing) {
        byUri.set(row.uri, { ...row, labels: { ...row.labels } });
        continue;
      }
      for (const lang of LANGS) {
        if (!existing.labels[lang] && row.labels[lang]) existing.labels[lang] = row.labels[lang];
      }
      for (const [key, value] of Object.entries(row)) {
        const target = existing as Record<string, unknown>;
        if (target[key] === undefined) target[key] = value;
      }
    }
  }
  const report = new ReportBuilder<T>(name);
  for (const uri of [...byUri.keys()].sort()) report.accept(byUri.get(uri) as T);
  return report.result();
}
