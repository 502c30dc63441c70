import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';
import { needWordColumns } from '../../matches/infra/text-words';

/**
 * Each need keeps its word pieces grouped by word (`word_groups`), and the pieces of needs with
 * two words or more once more, indexed (`multiword_pieces`): the offer's reach by words counted
 * pieces, so a need of one compound ("Benchmark": benchmark, mark) passed its "two words" test,
 * and every such need was loaded and scored only to be excluded. Now the reach bounds text
 * relevance per word in SQL (text-bound-sql.ts). Existing needs are filled from their
 * descriptions, in batches – their pieces again too, so all three columns come from the same
 * reading of the words (the per-word bound is only an upper bound if they agree; "Bedarf" became
 * a request word with this migration).
 */
export class MatchingNeedWordGroups1763830000000 implements MigrationInterface {
  name = 'MatchingNeedWordGroups1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`ALTER TABLE "${s}".need_view ADD COLUMN word_groups text[] NOT NULL DEFAULT '{}', ADD COLUMN multiword_pieces text[] NOT NULL DEFAULT '{}'`);
    const needs = (await queryRunner.query(`SELECT id, snapshot->>'description' AS description FROM "${s}".need_view`)) as Array<{ id: string; description: string | null }>;
    for (let start = 0; start < needs.length; start += 500) {
      const batch = needs.slice(start, start + 500).map((need) => ({ id: need.id, ...needWordColumns(need.description ?? '') }));
      await queryRunner.query(
        `UPDATE "${s}".need_view n SET word_pieces = array(SELECT jsonb_array_elements_text(u.pieces)), word_groups = array(SELECT jsonb_array_elements_text(u.groups)),
                multiword_pieces = array(SELECT jsonb_array_elements_text(u.multiword))
           FROM unnest($1::uuid[], $2::jsonb[], $3::jsonb[], $4::jsonb[]) AS u(id, pieces, groups, multiword)
          WHERE n.id = u.id`,
        [batch.map((need) => need.id), batch.map((need) => JSON.stringify(need.pieces)), batch.map((need) => JSON.stringify(need.groups)), batch.map((need) => JSON.stringify(need.multiwordPieces))],
      );
    }
    // Small pending list, as for every GIN index matching reads per event (migration 1763800000000).
    await queryRunner.query(`CREATE INDEX need_view_open_multiword_pieces_idx ON "${s}".need_view USING gin (multiword_pieces) WITH (gin_pending_list_limit = 64) WHERE open`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}".need_view_open_multiword_pieces_idx`);
    await queryRunner.query(`ALTER TABLE "${s}".need_view DROP COLUMN word_groups, DROP COLUMN multiword_pieces`);
  }
}
