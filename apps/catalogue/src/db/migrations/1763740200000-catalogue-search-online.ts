import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOfRunner } from './1763740000000-catalogue-initial';

/** The online branch of a radius search walks online dates in start order (it stops at the count cap). */
export class CatalogueSearchOnline1763740200000 implements MigrationInterface {
  name = 'CatalogueSearchOnline1763740200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS search_date_online_start_idx ON "${schemaOfRunner(queryRunner)}".search_date (start_date, date_id) WHERE online`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${schemaOfRunner(queryRunner)}".search_date_online_start_idx`);
  }
}
