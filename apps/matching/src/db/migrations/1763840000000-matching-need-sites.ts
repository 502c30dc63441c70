import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * The open needs' sites by GiST, and their travel radius by btree: a new offer's venue dates
 * find the needs within the longest radius any open need has through the index (offer-reach.ts)
 * instead of testing the distance of every need sharing a skill – at 50,000 open needs that was
 * most of the needs of a common skill.
 */
export class MatchingNeedSites1763840000000 implements MigrationInterface {
  name = 'MatchingNeedSites1763840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE INDEX need_view_open_location_idx ON "${s}".need_view USING gist (location) WHERE open`);
    await queryRunner.query(`CREATE INDEX need_view_open_radius_idx ON "${s}".need_view (radius_km) WHERE open`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".need_view_open_radius_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".need_view_open_location_idx`);
  }
}
