import { EntityManager } from 'typeorm';
import { rowsOf } from '@bildungsraum/reference-data';

/**
 * German and English labels (preferred and alternative) of ESCO skills, so that the text search
 * finds an offer by the words of the skills it teaches. Empty until the taxonomy is imported.
 */
export async function skillLabelsOf(manager: EntityManager, uris: readonly string[]): Promise<string[]> {
  if (!uris.length) return [];
  const rows = rowsOf(
    await manager.query(`SELECT pref_label_de, pref_label_en, alt_labels_de FROM ref_skill WHERE uri = ANY($1::text[])`, [uris]),
  );
  return rows.flatMap((row) => [row.pref_label_de, row.pref_label_en, ...((row.alt_labels_de as string[]) ?? []).slice(0, 5)].filter((label): label is string => typeof label === 'string'));
}
