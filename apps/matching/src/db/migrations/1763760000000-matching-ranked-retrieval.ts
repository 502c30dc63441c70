import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Ranked retrieval. Course dates carry their offer's skills, published flag and the few offer
 * fields scoring reads (offer_facts), so a need's candidates come from one GIN index on the dates
 * (by skill subsets, best coverage first) and are bounded without reading offer snapshots. Each need keeps the lowest score a new course date must reach to change anything
 * for it (need_admission: its admission score with the skill weights it was computed from; none =
 * always re-matched), so a new offer only re-matches the open needs it could enter the top of.
 */
export class MatchingRankedRetrieval1763760000000 implements MigrationInterface {
  name = 'MatchingRankedRetrieval1763760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".course_date_view ADD COLUMN skill_uris text[] NOT NULL DEFAULT '{}', ADD COLUMN published boolean NOT NULL DEFAULT false, ADD COLUMN offer_facts jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE "${s}".course_date_view d SET skill_uris = o.skill_uris, published = (o.status = 'published'),
         offer_facts = jsonb_strip_nulls(jsonb_build_object('providerId', o.snapshot->'providerId', 'dqrLevel', o.snapshot->'dqrLevel', 'language', o.snapshot->'language',
           'formats', o.snapshot->'formats', 'targetGroups', o.snapshot->'targetGroups', 'priceCents', o.snapshot->'priceCents',
           'hours', o.snapshot->'hours', 'azavApproved', o.snapshot->'azavApproved', 'measureNumber', o.snapshot->'measureNumber'))
         FROM "${s}".offer_view o WHERE o.id = d.offer_id`,
    );
    await queryRunner.query(`CREATE INDEX course_date_published_skills_idx ON "${s}".course_date_view USING gin (skill_uris) WHERE published`);
    // Its own narrow table: written on every re-match, without rewriting the need's wide row.
    await queryRunner.query(`
      CREATE TABLE "${s}".need_admission (
        need_id uuid PRIMARY KEY,
        score double precision NOT NULL,
        skill_uris text[] NOT NULL,
        skill_weights double precision[] NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}".need_admission`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_published_skills_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".course_date_view DROP COLUMN offer_facts, DROP COLUMN published, DROP COLUMN skill_uris`);
  }
}
