import { EntityManager } from 'typeorm';

/**
 * German and English labels of ESCO skills, so that the text search finds an offer by the words
 * of the skills it teaches. Empty until the taxonomy is imported.
 */
export async function skillLabelsOf(manager: EntityManager, uris: readonly string[]): Promise<string[]> {
  void manager;
  void uris;
  return [];
}
