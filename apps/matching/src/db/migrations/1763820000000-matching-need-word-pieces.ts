import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';
import { needWordColumns } from '../../matches/infra/text-words';

/**
 * Each need keeps the pieces of its words (needWordColumns: stems, compound heads, spelled-out
 * abbreviations – what text relevance compares), indexed for open needs, so a new offer finds the
 * open needs it answers by its words alone (offer-reach.ts): until now it reached only needs
 * sharing a skill, and such a need got the offer only with its next re-match. Existing needs are
 * filled here from their descriptions.
 */
export class MatchingNeedWordPieces1763820000000 implements MigrationInterface {
  name = 'MatchingNeedWordPieces1763820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".need_view ADD COLUMN word_pieces text[] NOT NULL DEFAULT '{}'`);
    const needs = (await queryRunner.query(`SELECT id, snapshot->>'description' AS description FROM "${s}".need_view`)) as Array<{ id: string; description: string | null }>;
    for (let start = 0; start < needs.length; start += 500) {
      const batch = needs.slice(start, start + 500);
      await queryRunner.query(
        `UPDATE "${s}".need_view n SET word_pieces = u.pieces
           FROM (SELECT id, array(SELECT jsonb_array_elements_text(p)) AS pieces FROM unnest($1::uuid[], $2::jsonb[]) AS t(id, p)) u
          WHERE n.id = u.id`,
        [batch.map((need) => need.id), batch.map((need) => JSON.stringify(needWordColumns(need.description ?? '').pieces))],
      );
    }
    // Small pending list, as for every GIN index matching reads per event (migration 1763800000000).
    await queryRunner.query(`CREATE INDEX need_view_open_word_pieces_idx ON "${s}".need_view USING gin (word_pieces) WITH (gin_pending_list_limit = 64) WHERE open`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".need_view_open_word_pieces_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".need_view DROP COLUMN word_pieces`);
  }
}
