import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInboxTables, dropOutboxAndInboxTables, schemaOf } from '@bildungsraum/persistence';
import { createReferenceDataTables, dropReferenceDataTables } from '@bildungsraum/reference-data';

/** The schema the DataSource is confined to (`needs`, or a test's own). */
const schemaOfRunner = (queryRunner: QueryRunner): string => schemaOf(queryRunner.connection);

export class NeedsInitial1763740000000 implements MigrationInterface {
  name = 'NeedsInitial1763740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await createOutboxAndInboxTables(queryRunner, s);
    // Postal codes for a need's own site; filled by importReferenceData (src/migrate.ts).
    await createReferenceDataTables(queryRunner, s);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    // Read model of partners.* events: only what authorisation and the events need.
    await queryRunner.query(`
      CREATE TABLE "${s}".partner_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        size_class text,
        employees integer,
        sites jsonb NOT NULL DEFAULT '[]',
        district_keys text[] NOT NULL DEFAULT '{}',
        network_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX partner_view_network_ids_idx ON "${s}".partner_view USING gin (network_ids)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".network_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        name text NOT NULL,
        district_keys text[] NOT NULL DEFAULT '{}',
        coordinator_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX network_view_coordinators_idx ON "${s}".network_view USING gin (coordinator_ids)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".needs (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL,
        company_id uuid NOT NULL,
        company jsonb NOT NULL,
        captured_by jsonb NOT NULL,
        content jsonb NOT NULL,
        description text NOT NULL,
        skill_uris text[] NOT NULL DEFAULT '{}',
        target_groups text[] NOT NULL DEFAULT '{}',
        district_key text NOT NULL,
        earliest_start date,
        latest_end date,
        submitted_at timestamptz,
        fulfilled_by_match_id uuid,
        withdrawal jsonb,
        import_job_id uuid,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Lists walk (created_at, id) newest first; the other indexes serve the filters.
    await queryRunner.query(`CREATE INDEX needs_created_idx ON "${s}".needs (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX needs_company_idx ON "${s}".needs (company_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX needs_skills_idx ON "${s}".needs USING gin (skill_uris)`);
    await queryRunner.query(`CREATE INDEX needs_description_trgm_idx ON "${s}".needs USING gin (lower(description) public.gin_trgm_ops)`);
    // The expiry sweep looks only at open needs with a latest end.
    await queryRunner.query(`CREATE INDEX needs_due_idx ON "${s}".needs (latest_end) WHERE status IN ('draft', 'submitted', 'matched', 'pooled') AND latest_end IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "${s}".need_matching_links (
        need_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('match', 'bundle')),
        ref_id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('active', 'inactive', 'confirmed')),
        version integer NOT NULL,
        PRIMARY KEY (need_id, kind, ref_id)
      )`);
    await queryRunner.query(`CREATE INDEX need_matching_links_ref_idx ON "${s}".need_matching_links (kind, ref_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".import_jobs (
        id uuid PRIMARY KEY,
        owner_partner_id uuid NOT NULL,
        created_by text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        content_sha256 text NOT NULL,
        file_name text,
        submit boolean NOT NULL,
        status text NOT NULL,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        invalid integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        content text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (owner_partner_id, content_sha256)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const table of ['import_jobs', 'need_matching_links', 'needs', 'network_view', 'partner_view']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await dropOutboxAndInboxTables(queryRunner, s);
    await dropReferenceDataTables(queryRunner, s);
  }
}
