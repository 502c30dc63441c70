import { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOfRunner(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema ${String(schema)}`);
  return schema;
}

/** Coordinators' corrections of a need's skills (confirm/remove/add); they survive new need versions. */
export class MatchingSkillCorrections1763750200000 implements MigrationInterface {
  name = 'MatchingSkillCorrections1763750200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}".need_view ADD COLUMN skill_corrections jsonb NOT NULL DEFAULT '{"confirmed":[],"removed":[],"added":[]}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOfRunner(queryRunner)}".need_view DROP COLUMN skill_corrections`);
  }
}
