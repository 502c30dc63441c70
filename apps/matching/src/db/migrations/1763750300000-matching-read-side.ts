import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * The read side of pooling: the districts a network covers (a coordinator's gap report and bundle
 * list are scoped by them; filled from the next network event or a rebuild), and when a bundle
 * came into being (the bundle list's stable keyset order).
 */
export class MatchingReadSide1763750300000 implements MigrationInterface {
  name = 'MatchingReadSide1763750300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".network_view ADD COLUMN district_keys text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX network_view_districts_idx ON "${s}".network_view USING gin (district_keys)`);
    await queryRunner.query(`ALTER TABLE "${s}".bundles ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX bundles_created_idx ON "${s}".bundles (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX bundles_provider_idx ON "${s}".bundles (provider_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".bundles_provider_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".bundles_created_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".bundles DROP COLUMN created_at`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".network_view_districts_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".network_view DROP COLUMN district_keys`);
  }
}
