import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * What a new offer's date must beat in an open need, kept with its admission score: the bar its
 * last ranked retrieval left (retrieval_bar) and its bundle places with their exact scores
 * (place_ids, place_scores, best first). With them a new offer is inserted into the need's top
 * proposals and bundle places without re-matching it (offer-insertion.ts). Rows written before
 * have none: such needs are re-matched in full, as before, until their next re-match fills them.
 */
export class MatchingAdmissionPlaces1763780000000 implements MigrationInterface {
  name = 'MatchingAdmissionPlaces1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".need_admission ADD COLUMN retrieval_bar double precision, ADD COLUMN place_ids uuid[], ADD COLUMN place_scores double precision[]`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".need_admission DROP COLUMN place_scores, DROP COLUMN place_ids, DROP COLUMN retrieval_bar`);
  }
}
