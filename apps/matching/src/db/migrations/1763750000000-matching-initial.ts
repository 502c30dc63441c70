import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInboxTables, dropOutboxAndInboxTables, schemaOf } from '@bildungsraum/persistence';
import { createTaxonomyTables, dropTaxonomyTables } from '@bildungsraum/reference-data';

/**
 * Read models built from partners.*, needs.need.* and catalogue.offer.* events (version-guarded),
 * the matches with their per-criterion scores, and the ESCO/KldB taxonomy for free-text skills.
 * Candidate retrieval relies on the GIN indexes on skill URIs and the GiST index on venues.
 */
export class MatchingInitial1763750000000 implements MigrationInterface {
  name = 'MatchingInitial1763750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public`);
    await createOutboxAndInboxTables(queryRunner, s);
    await createTaxonomyTables(queryRunner, s);
    await queryRunner.query(`
      CREATE TABLE "${s}".partner_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        employees integer,
        azav_approved boolean NOT NULL DEFAULT false,
        district_keys text[] NOT NULL DEFAULT '{}',
        network_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".network_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        coordinator_ids uuid[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX network_view_coordinators_idx ON "${s}".network_view USING gin (coordinator_ids)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".need_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        open boolean NOT NULL,
        company_id uuid NOT NULL,
        snapshot jsonb NOT NULL,
        skill_uris text[] NOT NULL DEFAULT '{}',
        text_skills jsonb NOT NULL DEFAULT '[]',
        location public.geography(Point, 4326) NOT NULL,
        radius_km integer,
        earliest_start date,
        latest_end date,
        participants integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX need_view_open_skills_idx ON "${s}".need_view USING gin (skill_uris) WHERE open`);
    await queryRunner.query(`CREATE INDEX need_view_company_idx ON "${s}".need_view (company_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".offer_view (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        provider_id uuid NOT NULL,
        status text NOT NULL,
        snapshot jsonb NOT NULL,
        skill_uris text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX offer_view_published_skills_idx ON "${s}".offer_view USING gin (skill_uris) WHERE status = 'published'`);
    await queryRunner.query(`
      CREATE TABLE "${s}".course_date_view (
        id uuid PRIMARY KEY,
        offer_id uuid NOT NULL REFERENCES "${s}".offer_view (id) ON DELETE CASCADE,
        start_date date NOT NULL,
        end_date date NOT NULL,
        online boolean NOT NULL,
        location public.geography(Point, 4326),
        seats_free integer NOT NULL,
        min_participants integer NOT NULL,
        max_participants integer NOT NULL,
        schedule text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX course_date_offer_idx ON "${s}".course_date_view (offer_id)`);
    await queryRunner.query(`CREATE INDEX course_date_location_idx ON "${s}".course_date_view USING gist (location)`);
    await queryRunner.query(`CREATE INDEX course_date_start_idx ON "${s}".course_date_view (start_date)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".matches (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        status text NOT NULL,
        need_id uuid NOT NULL,
        company_id uuid NOT NULL,
        offer_id uuid NOT NULL,
        course_date_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        participants integer NOT NULL,
        score double precision NOT NULL,
        criteria jsonb NOT NULL,
        explanation jsonb NOT NULL,
        company_cost_cents integer,
        funding_programme_ids text[] NOT NULL DEFAULT '{}',
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (need_id, course_date_id)
      )`);
    await queryRunner.query(`CREATE INDEX matches_offer_idx ON "${s}".matches (offer_id) WHERE status IN ('proposed', 'accepted', 'confirmed')`);
    await queryRunner.query(`CREATE INDEX matches_need_score_idx ON "${s}".matches (need_id, score DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const table of ['matches', 'course_date_view', 'offer_view', 'need_view', 'network_view', 'partner_view']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await dropTaxonomyTables(queryRunner, s);
    await dropOutboxAndInboxTables(queryRunner, s);
  }
}
