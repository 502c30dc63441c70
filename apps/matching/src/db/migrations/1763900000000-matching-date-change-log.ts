import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Every replica keeps the course dates in memory for retrieval (course-date-index.ts; ADR 0009).
 * To stay as current as a query would be, it must learn which dates changed since it last looked,
 * whoever wrote them: a statement trigger notes the id of every date inserted, updated or deleted,
 * with the writing transaction's id (xid8, which does not wrap around). A replica asks for the
 * notes from the oldest transaction that was still running when it last looked (its horizon), so
 * a transaction that commits late is never skipped.
 *
 * A TRUNCATE (the rebuild) notes no rows: it advances a sequence, the epoch, and every replica
 * loads all dates again. The notes are pruned after a while (passed-date sweeper); a replica whose
 * horizon lies before the pruned notes loads everything again too.
 */
export class MatchingDateChangeLog1763900000000 implements MigrationInterface {
  name = 'MatchingDateChangeLog1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(
      `CREATE TABLE "${s}".course_date_changes (
         xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
         course_date_id uuid NOT NULL,
         noted_at timestamptz NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`CREATE INDEX course_date_changes_xid_idx ON "${s}".course_date_changes (xid)`);
    // One row at most: the newest transaction whose notes were pruned (none: no row).
    await queryRunner.query(`CREATE TABLE "${s}".course_date_changes_pruned (one bool PRIMARY KEY DEFAULT true CHECK (one), through xid8 NOT NULL)`);
    await queryRunner.query(`CREATE SEQUENCE "${s}".course_date_epoch`);
    await queryRunner.query(
      `CREATE FUNCTION "${s}".note_course_date_changes() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'INSERT' THEN
           INSERT INTO "${s}".course_date_changes (course_date_id) SELECT id FROM new_rows;
         ELSIF TG_OP = 'UPDATE' THEN
           INSERT INTO "${s}".course_date_changes (course_date_id) SELECT id FROM new_rows UNION SELECT id FROM old_rows;
         ELSIF TG_OP = 'DELETE' THEN
           INSERT INTO "${s}".course_date_changes (course_date_id) SELECT id FROM old_rows;
         ELSE
           PERFORM nextval('"${s}".course_date_epoch');
         END IF;
         RETURN NULL;
       END $$`,
    );
    const table = `"${s}".course_date_view`;
    const note = `EXECUTE FUNCTION "${s}".note_course_date_changes()`;
    await queryRunner.query(`CREATE TRIGGER course_date_inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT ${note}`);
    await queryRunner.query(`CREATE TRIGGER course_date_updated AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT ${note}`);
    await queryRunner.query(`CREATE TRIGGER course_date_deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT ${note}`);
    await queryRunner.query(`CREATE TRIGGER course_date_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT ${note}`);
    // Replicas running the code before this migration hold no index; the first epoch is 1.
    await queryRunner.query(`SELECT nextval('"${s}".course_date_epoch')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const trigger of ['course_date_inserted', 'course_date_updated', 'course_date_deleted', 'course_date_truncated']) await queryRunner.query(`DROP TRIGGER ${trigger} ON "${s}".course_date_view`);
    await queryRunner.query(`DROP FUNCTION "${s}".note_course_date_changes()`);
    await queryRunner.query(`DROP SEQUENCE "${s}".course_date_epoch`);
    await queryRunner.query(`DROP TABLE "${s}".course_date_changes_pruned`);
    await queryRunner.query(`DROP TABLE "${s}".course_date_changes`);
  }
}
