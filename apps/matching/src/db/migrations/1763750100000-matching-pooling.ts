import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/**
 * Pooled demand: which open needs each course date could serve (bundle_fits → bundles), and which
 * needs no reachable offer serves, per district and skill (gap_demand → gaps).
 */
export class MatchingPooling1763750100000 implements MigrationInterface {
  name = 'MatchingPooling1763750100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    await queryRunner.query(`
      CREATE TABLE "${s}".bundle_fits (
        course_date_id uuid NOT NULL,
        offer_id uuid NOT NULL,
        need_id uuid NOT NULL,
        company_id uuid NOT NULL,
        participants integer NOT NULL,
        district_key text NOT NULL,
        PRIMARY KEY (course_date_id, need_id)
      )`);
    await queryRunner.query(`CREATE INDEX bundle_fits_need_idx ON "${s}".bundle_fits (need_id)`);
    await queryRunner.query(`CREATE INDEX bundle_fits_offer_idx ON "${s}".bundle_fits (offer_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".bundles (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        course_date_id uuid NOT NULL UNIQUE,
        offer_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        status text NOT NULL,
        members jsonb NOT NULL,
        min_participants integer NOT NULL,
        skill_uris text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}".gap_demand (
        need_id uuid NOT NULL,
        skill_uri text NOT NULL,
        district_key text NOT NULL,
        company_id uuid NOT NULL,
        participants integer NOT NULL,
        target_groups text[] NOT NULL,
        PRIMARY KEY (need_id, skill_uri)
      )`);
    await queryRunner.query(`CREATE INDEX gap_demand_key_idx ON "${s}".gap_demand (district_key, skill_uri)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".gaps (
        id uuid PRIMARY KEY,
        version integer NOT NULL,
        district_key text NOT NULL,
        skill_group text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (district_key, skill_group)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner.connection);
    for (const table of ['gaps', 'gap_demand', 'bundles', 'bundle_fits']) await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
  }
}
