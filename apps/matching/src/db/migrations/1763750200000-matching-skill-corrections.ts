import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/** Coordinators' corrections of a need's skills (confirm/remove/add); they survive new need versions. */
export class MatchingSkillCorrections1763750200000 implements MigrationInterface {
  name = 'MatchingSkillCorrections1763750200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".need_view ADD COLUMN skill_corrections jsonb NOT NULL DEFAULT '{"confirmed":[],"removed":[],"added":[]}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner.connection)}".need_view DROP COLUMN skill_corrections`);
  }
}
