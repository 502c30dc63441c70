import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOfRunner } from './1763740000000-catalogue-initial';

/** Filter columns the start-ordered walks check, carried in their indexes (index-only walks). */
export const WALK_COLUMNS = 'end_date, schedule, language, dqr_level, azav_approved, formats, target_groups, seats_free, price_cents';

/**
 * Indexes the search's bounded walks read (apps/catalogue/src/search/search-sql.ts):
 * - dates on site and online dates in start order, each carrying the filter columns, so a walk
 *   that passes over many non-matching dates reads the index only, never the wide search rows;
 * - the words and skills of online dates, so a text search finds its online hits at once
 *   instead of reading every online date.
 */
export class CatalogueSearchWalks1763740300000 implements MigrationInterface {
  name = 'CatalogueSearchWalks1763740300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".search_date_online_start_idx`);
    await queryRunner.query(`CREATE INDEX search_date_online_walk_idx ON "${s}".search_date (start_date, date_id) INCLUDE (${WALK_COLUMNS}) WHERE online`);
    await queryRunner.query(`CREATE INDEX search_date_site_walk_idx ON "${s}".search_date (start_date, date_id) INCLUDE (location, ${WALK_COLUMNS}) WHERE NOT online`);
    await queryRunner.query(`CREATE INDEX search_date_online_text_idx ON "${s}".search_date USING gin (tsv, skills) WHERE online`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const index of ['search_date_online_text_idx', 'search_date_site_walk_idx', 'search_date_online_walk_idx']) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${s}".${index}`);
    }
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS search_date_online_start_idx ON "${s}".search_date (start_date, date_id) WHERE online`);
  }
}
