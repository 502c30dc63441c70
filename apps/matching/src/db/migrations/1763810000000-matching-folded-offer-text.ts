import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

const TITLE = `coalesce(offer_facts->>'title', '')`;
const TEXT = `coalesce(offer_facts->>'title', '') || ' ' || coalesce(offer_facts->>'description', '')`;

/** The schema pg_trgm is installed in, if it is (installed by the taxonomy tables when the role may). */
async function trigramSchema(queryRunner: QueryRunner): Promise<string | undefined> {
  const [trgm] = (await queryRunner.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`)) as Array<{ schema: string }>;
  return trgm?.schema;
}

/**
 * Each course date keeps its offer's text folded (fold_text, migration 1763790000000) in stored
 * columns, computed once when the date is written instead of on every read:
 *
 * - the skill steps of retrieval bound the criterion `title` per row with it (candidates.ts,
 *   text-bound-sql.ts). Until now they could only assume full text relevance, so real scores sat up
 *   to 3/19 below the ceilings and a need read page after page of its steps (bench/matching,
 *   100,000 offers: p95 1 s, 253 ms Postgres CPU per need). Folding at query time cost 233 µs a
 *   row – 1.4 s for a step of 6,000 dates;
 * - the trigram indexes of the text route index the columns instead of the same expressions, so
 *   a date's write folds its text once instead of three times.
 */
export class MatchingFoldedOfferText1763810000000 implements MigrationInterface {
  name = 'MatchingFoldedOfferText1763810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_offer_text_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_offer_title_idx`);
    await queryRunner.query(
      `ALTER TABLE "${s}".course_date_view
         ADD COLUMN offer_title_folded text GENERATED ALWAYS AS ("${s}".fold_text(${TITLE})) STORED,
         ADD COLUMN offer_text_folded text GENERATED ALWAYS AS ("${s}".fold_text(${TEXT})) STORED`,
    );
    const trgm = await trigramSchema(queryRunner);
    if (!trgm) return;
    // Small pending lists, as for every GIN index matching reads per event (migration 1763800000000).
    await queryRunner.query(
      `CREATE INDEX course_date_offer_title_idx ON "${s}".course_date_view USING gin (offer_title_folded "${trgm}".gin_trgm_ops)
         WITH (gin_pending_list_limit = 64) WHERE published`,
    );
    await queryRunner.query(
      `CREATE INDEX course_date_offer_text_idx ON "${s}".course_date_view USING gin (offer_text_folded "${trgm}".gin_trgm_ops)
         WITH (gin_pending_list_limit = 64) WHERE published`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_offer_text_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_offer_title_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".course_date_view DROP COLUMN offer_title_folded, DROP COLUMN offer_text_folded`);
    const trgm = await trigramSchema(queryRunner);
    if (!trgm) return;
    await queryRunner.query(
      `CREATE INDEX course_date_offer_text_idx ON "${s}".course_date_view USING gin ("${s}".fold_text(${TEXT}) "${trgm}".gin_trgm_ops)
         WITH (gin_pending_list_limit = 64) WHERE published`,
    );
    await queryRunner.query(
      `CREATE INDEX course_date_offer_title_idx ON "${s}".course_date_view USING gin ("${s}".fold_text(${TITLE}) "${trgm}".gin_trgm_ops)
         WITH (gin_pending_list_limit = 64) WHERE published`,
    );
  }
}
