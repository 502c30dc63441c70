import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

const GIN_INDEXES = ['needs_skills_idx', 'needs_description_trgm_idx'];

/**
 * The GIN indexes of needs (skills, description trigrams) collect new entries in a pending list
 * and the insert that finds the list full merges all of it into the index, inside that request.
 * With the default 4 MB that merge took 73–162 ms once every ~4,600 inserted needs (every ~9 s
 * at 500 submissions/s, with autovacuum far behind): the tail of the intake benchmark. A
 * 256 kB list is merged ~16× as often at about a sixteenth of the pause (bench/needs-intake).
 */
export class NeedsGinPendingList1763740100000 implements MigrationInterface {
  name = 'NeedsGinPendingList1763740100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const index of GIN_INDEXES) await queryRunner.query(`ALTER INDEX "${s}".${index} SET (gin_pending_list_limit = 256)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const index of GIN_INDEXES) await queryRunner.query(`ALTER INDEX "${s}".${index} RESET (gin_pending_list_limit)`);
  }
}
