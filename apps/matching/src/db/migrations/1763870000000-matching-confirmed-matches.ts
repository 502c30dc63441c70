import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Recomputing a bundle asks, per date, which of its fits are booked (a confirmed match on the
 * date) – for the booked members and for every other fit read. The offer index found all active
 * matches of the date's offer and filtered them on the heap (~0.25 ms per date at 50,000 open
 * needs, cold); confirmed matches are few, so a partial index on them answers both questions from
 * a handful of index pages.
 */
export class MatchingConfirmedMatches1763870000000 implements MigrationInterface {
  name = 'MatchingConfirmedMatches1763870000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX matches_confirmed_idx ON "${schemaOf(queryRunner.connection)}".matches (course_date_id, need_id) WHERE status = 'confirmed'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${schemaOf(queryRunner.connection)}".matches_confirmed_idx`);
  }
}
