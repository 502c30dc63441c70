import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOfRunner } from './1763740000000-catalogue-initial';
import { WALK_COLUMNS } from './1763740300000-catalogue-search-walks';

/**
 * By distance, online dates (all at the same, last place) follow in id order: their walk in id
 * order carries the filter columns too, so it reads the index only (like the start-ordered walks).
 */
export class CatalogueSearchOnlineIdWalk1763740400000 implements MigrationInterface {
  name = 'CatalogueSearchOnlineIdWalk1763740400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".search_date_online_idx`);
    await queryRunner.query(`CREATE INDEX search_date_online_id_walk_idx ON "${s}".search_date (date_id) INCLUDE (start_date, ${WALK_COLUMNS}) WHERE online`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".search_date_online_id_walk_idx`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS search_date_online_idx ON "${s}".search_date (date_id) WHERE online`);
  }
}
