import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * A bundle holds the needs one course can take – the best-fitting ones up to the date's maximum
 * participants (bundleMembers) – not every need the date fits: at 50,000 open needs a popular date
 * fitted 5,494 needs, and each change published them all (bundle events up to 680 kB, against
 * NATS's 1 MB payload limit). Each fit keeps the need's score for the date, filled here from the
 * bundle places stored with the admissions (a fit without one keeps 0 until its need is
 * re-matched), and is read best first by index. Bundles keep their members until their date's
 * next change; docs/operations says how to bring them all up to date at once.
 */
export class MatchingBundleBestMembers1763850000000 implements MigrationInterface {
  name = 'MatchingBundleBestMembers1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".bundle_fits ADD COLUMN score float8 NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE "${s}".bundle_fits f SET score = p.score
         FROM (SELECT a.need_id, u.id, u.score FROM "${s}".need_admission a CROSS JOIN LATERAL unnest(a.place_ids, a.place_scores) AS u(id, score)) p
        WHERE f.need_id = p.need_id AND f.course_date_id = p.id`,
    );
    await queryRunner.query(`CREATE INDEX bundle_fits_rank_idx ON "${s}".bundle_fits (course_date_id, score DESC, need_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".bundle_fits_rank_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".bundle_fits DROP COLUMN score`);
  }
}
