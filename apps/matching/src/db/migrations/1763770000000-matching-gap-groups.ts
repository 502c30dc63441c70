import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Gaps per district and skill group: a need's demand is one row per group its core skills fall in
 * (skill_group, with the need's skills of that group in skill_uris), so a need is counted once per
 * gap however many of its skills are neighbours. The gap keeps its skills for the closing event.
 * Rows written before keep their skill as their group (as they were reported); a rebuild or the
 * next change of a need regroups them.
 */
export class MatchingGapGroups1763770000000 implements MigrationInterface {
  name = 'MatchingGapGroups1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".gap_demand RENAME COLUMN skill_uri TO skill_group`);
    await queryRunner.query(`ALTER TABLE "${s}".gap_demand ADD COLUMN skill_uris text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "${s}".gap_demand SET skill_uris = ARRAY[skill_group]`);
    await queryRunner.query(`ALTER TABLE "${s}".gaps ADD COLUMN skill_uris text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`UPDATE "${s}".gaps SET skill_uris = ARRAY[skill_group]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".gaps DROP COLUMN skill_uris`);
    await queryRunner.query(`ALTER TABLE "${s}".gap_demand DROP COLUMN skill_uris`);
    await queryRunner.query(`ALTER TABLE "${s}".gap_demand RENAME COLUMN skill_group TO skill_uri`);
  }
}
