import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * A need's admission score is the lower of two bars: what enters its top proposals and what takes
 * one of its bundle places. A course date that cannot pool the need (no minimum of participants)
 * can only do the former, so a new offer's reach compares such dates with the proposal bar alone.
 * Stored from the next re-match or insertion on; until then (null) the combined score applies, as
 * before – never a need missed, only fewer pruned.
 */
export class MatchingProposalAdmission1763860000000 implements MigrationInterface {
  name = 'MatchingProposalAdmission1763860000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner.connection)}".need_admission ADD COLUMN proposal_score float8`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner.connection)}".need_admission DROP COLUMN proposal_score`);
  }
}
