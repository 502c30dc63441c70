import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInboxTables, dropOutboxAndInboxTables } from '@bildungsraum/persistence';
import { createReferenceDataTables, dropReferenceDataTables } from '@bildungsraum/reference-data';

/** The schema the DataSource is confined to (`catalogue`, or a test's own). */
export function schemaOfRunner(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema ${String(schema)}`);
  return schema;
}

export class CatalogueInitial1763740000000 implements MigrationInterface {
  name = 'CatalogueInitial1763740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const extension of ['postgis', 'unaccent', 'pg_trgm']) {
      await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
    }
    await createOutboxAndInboxTables(queryRunner, s);
    await createReferenceDataTables(queryRunner, s);
    // German stemming with umlaut/ß folding: "Schweißen", "Schweissen" and "schweissen" meet.
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION "${s}".german_unaccent (COPY = pg_catalog.german)`);
    await queryRunner.query(
      `ALTER TEXT SEARCH CONFIGURATION "${s}".german_unaccent ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.german_stem`,
    );
    // unaccent() is only STABLE; an immutable wrapper with a fixed dictionary may be indexed.
    await queryRunner.query(
      `CREATE FUNCTION "${s}".fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
       AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`,
    );
    await queryRunner.query(`
      CREATE TABLE "${s}".provider_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        azav_approved boolean NOT NULL DEFAULT false,
        district_keys text[] NOT NULL DEFAULT '{}',
        network_ids uuid[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The aggregate is stored whole (doc = snapshot); columns repeat what lists filter on.
    await queryRunner.query(`
      CREATE TABLE "${s}".offer (
        id uuid PRIMARY KEY,
        provider_id uuid NOT NULL,
        version integer NOT NULL,
        status text NOT NULL,
        title text NOT NULL,
        last_end_date date,
        doc jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX offer_provider_idx ON "${s}".offer (provider_id, title, id)`);
    await queryRunner.query(`CREATE INDEX offer_status_idx ON "${s}".offer (status, last_end_date)`);
    await queryRunner.query(`CREATE TABLE "${s}".course_date (id uuid PRIMARY KEY, offer_id uuid NOT NULL REFERENCES "${s}".offer (id) ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX course_date_offer_idx ON "${s}".course_date (offer_id)`);
    // One row per listed course date of a published offer: what the public search reads.
    await queryRunner.query(`
      CREATE TABLE "${s}".search_date (
        date_id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        provider_name text NOT NULL,
        title text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        schedule text NOT NULL,
        online boolean NOT NULL,
        location geography(Point, 4326),
        district_key text,
        postal_code text,
        city text,
        seats_free integer NOT NULL,
        min_participants integer NOT NULL,
        max_participants integer NOT NULL,
        price_cents integer NOT NULL,
        hours integer NOT NULL,
        azav_approved boolean NOT NULL,
        formats text[] NOT NULL,
        target_groups text[] NOT NULL,
        dqr_level smallint,
        language text NOT NULL,
        skills text[] NOT NULL,
        programme_ids text[] NOT NULL DEFAULT '{}',
        tsv tsvector NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX search_date_tsv_idx ON "${s}".search_date USING gin (tsv)`);
    await queryRunner.query(`CREATE INDEX search_date_location_idx ON "${s}".search_date USING gist (location)`);
    await queryRunner.query(`CREATE INDEX search_date_start_idx ON "${s}".search_date (start_date, date_id)`);
    await queryRunner.query(`CREATE INDEX search_date_offer_idx ON "${s}".search_date (offer_id)`);
    await queryRunner.query(`CREATE INDEX search_date_provider_idx ON "${s}".search_date (provider_id)`);
    // Query-time taxonomy expansion ("Stapler" → offers teaching the skill "Gabelstapler führen").
    await queryRunner.query(`CREATE INDEX search_date_skills_idx ON "${s}".search_date USING gin (skills)`);
    // Online dates are reachable from anywhere: a radius search ORs them in through this index.
    await queryRunner.query(`CREATE INDEX search_date_online_idx ON "${s}".search_date (date_id) WHERE online`);
    // Words of titles and skill labels, for typo tolerance ("Gabelstapeler" → "gabelstapler").
    await queryRunner.query(`CREATE TABLE "${s}".search_term (word text PRIMARY KEY)`);
    await queryRunner.query(`CREATE INDEX search_term_trgm_idx ON "${s}".search_term USING gin (word public.gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".programme (
        id text PRIMARY KEY,
        version integer NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        doc jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const table of ['programme', 'search_term', 'search_date', 'course_date', 'offer', 'provider_view']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}".fold(text)`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS "${s}".german_unaccent`);
    await dropReferenceDataTables(queryRunner, s);
    await dropOutboxAndInboxTables(queryRunner, s);
  }
}
