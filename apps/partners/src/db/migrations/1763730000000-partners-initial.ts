import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInboxTables, dropOutboxAndInboxTables } from '@bildungsraum/persistence';
import { createReferenceDataTables, dropReferenceDataTables } from '@bildungsraum/reference-data';

/** The schema the DataSource is confined to (`partners`, or a test's own). */
export function schemaOfRunner(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema ${String(schema)}`);
  return schema;
}

export class PartnersInitial1763730000000 implements MigrationInterface {
  name = 'PartnersInitial1763730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await createOutboxAndInboxTables(queryRunner, s);
    // Postal codes and districts for sites; filled by importReferenceData (see src/migrate.ts).
    await createReferenceDataTables(queryRunner, s);
    // Trigram index for the name search ("Metallbau" finds "Metallbau Korbach GmbH").
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await queryRunner.query(`
      CREATE TABLE "${s}".organisations (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        kind text NOT NULL,
        name text NOT NULL,
        status text NOT NULL,
        company jsonb,
        provider jsonb,
        sites jsonb NOT NULL DEFAULT '[]',
        district_keys text[] NOT NULL DEFAULT '{}',
        network_ids uuid[] NOT NULL DEFAULT '{}',
        rejection_reason text,
        deactivation_reason_code text,
        deactivation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Keyset pagination walks (name, id); the other indexes serve the list filters.
    await queryRunner.query(`CREATE INDEX organisations_name_id_idx ON "${s}".organisations (name COLLATE "C", id)`);
    await queryRunner.query(`CREATE INDEX organisations_name_trgm_idx ON "${s}".organisations USING gin (lower(name) public.gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX organisations_district_keys_idx ON "${s}".organisations USING gin (district_keys)`);
    await queryRunner.query(`CREATE INDEX organisations_network_ids_idx ON "${s}".organisations USING gin (network_ids)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".contact_persons (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES "${s}".organisations (id) ON DELETE CASCADE,
        name text NOT NULL,
        role text,
        email text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX contact_persons_organisation_idx ON "${s}".contact_persons (organisation_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".networks (
        id uuid PRIMARY KEY,
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL,
        description text,
        district_keys text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX networks_name_id_idx ON "${s}".networks (name COLLATE "C", id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".network_members (
        network_id uuid NOT NULL REFERENCES "${s}".networks (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES "${s}".organisations (id),
        role text NOT NULL CHECK (role IN ('member', 'coordinator')),
        PRIMARY KEY (network_id, partner_id)
      )`);
    await queryRunner.query(`CREATE INDEX network_members_partner_idx ON "${s}".network_members (partner_id, role)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const table of ['network_members', 'networks', 'contact_persons', 'organisations']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}".${table}`);
    }
    await dropOutboxAndInboxTables(queryRunner, s);
    await dropReferenceDataTables(queryRunner, s);
  }
}
