import type { SqlRunner } from '../search/search-engine';

/**
 * Taxonomy expansion for the search: URIs of skills whose labels contain every query word.
 * Returns nothing until the taxonomy has been imported.
 */
export async function skillsMatchingWords(db: SqlRunner, words: string[]): Promise<string[]> {
  void db;
  void words;
  return [];
}
