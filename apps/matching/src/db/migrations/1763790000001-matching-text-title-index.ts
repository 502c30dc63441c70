import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * The text route reads dates whose offer *title* holds a need word first, through a trigram index
 * on the folded title alone: a word common in descriptions ("Benchmark-Angebot", "Sicherheit")
 * must not make the route read every date. Dates matching by description only are read by pairs
 * of need words on the index of migration 1763790000000 (text-candidates.ts).
 */
export class MatchingTextTitleIndex1763790000001 implements MigrationInterface {
  name = 'MatchingTextTitleIndex1763790000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    const [trgm] = (await queryRunner.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`)) as Array<{ schema: string }>;
    if (trgm) {
      await queryRunner.query(
        `CREATE INDEX course_date_offer_title_idx ON "${s}".course_date_view
           USING gin ("${s}".fold_text(coalesce(offer_facts->>'title', '')) "${trgm.schema}".gin_trgm_ops) WHERE published`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${schemaOf(queryRunner.connection)}".course_date_offer_title_idx`);
  }
}
