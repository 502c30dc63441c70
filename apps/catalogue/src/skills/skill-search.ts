import { foldLabel, rowsOf } from '@bildungsraum/reference-data';
import type { SqlRunner } from '../search/search-engine';

/**
 * Taxonomy expansion for the search: URIs of ESCO skills one of whose labels (either language)
 * contains every query word ("Stapler" → "Gabelstapler führen"). Offers teaching such a skill
 * match even when their text lacks the word. Uses the label index of the taxonomy import.
 */
export async function skillsMatchingWords(db: SqlRunner, text: string): Promise<string[]> {
  const words = foldLabel(text)
    .split(/\s+/)
    .filter((word) => word.length >= 4)
    .slice(0, 4);
  if (!words.length) return [];
  const patterns = words.map((word) => `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  // One LIKE per word (not LIKE ALL over an array): only those can use the trigram index.
  const conditions = patterns.map((_pattern, index) => `search LIKE $${index + 1}`).join(' AND ');
  const rows = rowsOf(await db.query(`SELECT DISTINCT concept FROM ref_taxonomy_label WHERE kind = 'skill' AND ${conditions} LIMIT 50`, patterns));
  return rows.map((row) => String(row.concept));
}
