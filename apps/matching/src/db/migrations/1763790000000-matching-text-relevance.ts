import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Text relevance (criterion `title`): course dates carry their offer's title and the opening of
 * its description (offer_facts, as offerFacts writes them from now on), and a trigram index over
 * both, folded the way text relevance folds (foldText: lower case, umlauts and accents off, ß → ss,
 * punctuation → space), lets a need's words find offers by their own text – also when no skill was read from
 * the need. Without pg_trgm (installed by the taxonomy tables when the role may) there is no
 * index and the text route scans the published dates.
 */
export class MatchingTextRelevance1763790000000 implements MigrationInterface {
  name = 'MatchingTextRelevance1763790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE FUNCTION "${s}".fold_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(
                 translate(replace(lower($1), 'ß', 'ss'), 'äöüáàâãåāéèêëēíìîïóòôõúùûçñšžčć', 'aouaaaaaaeeeeeiiiioooouuucnszcc'),
                 '[^[:alnum:]+#]+', ' ', 'g')
      $$`);
    await queryRunner.query(
      `UPDATE "${s}".course_date_view d
          SET offer_facts = d.offer_facts || jsonb_build_object('title', o.snapshot->>'title', 'description', left(o.snapshot->>'description', 1000))
         FROM "${s}".offer_view o WHERE o.id = d.offer_id`,
    );
    const [trgm] = (await queryRunner.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`)) as Array<{ schema: string }>;
    if (trgm) {
      await queryRunner.query(
        `CREATE INDEX course_date_offer_text_idx ON "${s}".course_date_view
           USING gin ("${s}".fold_text(coalesce(offer_facts->>'title', '') || ' ' || coalesce(offer_facts->>'description', '')) "${trgm.schema}".gin_trgm_ops)
           WHERE published`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".course_date_offer_text_idx`);
    await queryRunner.query(`UPDATE "${s}".course_date_view SET offer_facts = offer_facts - 'title' - 'description'`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".fold_text(text)`);
  }
}
