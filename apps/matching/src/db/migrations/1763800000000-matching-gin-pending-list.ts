import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/** The GIN indexes that matching reads on every need or offer event (skill steps, text route, concerned needs). */
const GIN_INDEXES = [
  'need_view_open_skills_idx',
  'offer_view_published_skills_idx',
  'course_date_published_skills_idx',
  'course_date_offer_text_idx',
  'course_date_offer_title_idx',
];

/**
 * A GIN index collects new entries in a pending list that every search reads in full until it is
 * merged (by vacuum, or by the insert that finds it full). With the default 4 MB, a need's
 * retrieval read ~500 pending pages of the title trigram index to find nothing (bench/matching,
 * 10,000 offers: 507 buffers, 5–13 ms for 0 rows) – and matching reads these indexes on every
 * event while it writes them only when offers or needs change. 64 kB bounds that read to 8 pages;
 * the merges become small and frequent. Existing lists are merged now.
 */
export class MatchingGinPendingList1763800000000 implements MigrationInterface {
  name = 'MatchingGinPendingList1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const index of GIN_INDEXES) {
      // The trigram indexes exist only where pg_trgm is installed (migration 1763790000000).
      const [found] = (await queryRunner.query(`SELECT to_regclass($1) AS oid`, [`"${s}".${index}`])) as Array<{ oid: string | null }>;
      if (!found?.oid) continue;
      await queryRunner.query(`ALTER INDEX "${s}".${index} SET (gin_pending_list_limit = 64)`);
      await queryRunner.query(`SELECT gin_clean_pending_list($1::regclass)`, [`"${s}".${index}`]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const index of GIN_INDEXES) await queryRunner.query(`ALTER INDEX IF EXISTS "${s}".${index} RESET (gin_pending_list_limit)`);
  }
}
