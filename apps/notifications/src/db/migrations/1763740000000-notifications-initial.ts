import { MigrationInterface, QueryRunner } from 'typeorm';
import { createOutboxAndInboxTables, dropOutboxAndInboxTables } from '@bildungsraum/persistence';

function schemaOfRunner(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema ${String(schema)}`);
  return schema;
}

export class NotificationsInitial1763740000000 implements MigrationInterface {
  name = 'NotificationsInitial1763740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    await createOutboxAndInboxTables(queryRunner, s);
    // Read model of partners.*: who is concerned by an event (kind, districts, networks).
    await queryRunner.query(`
      CREATE TABLE "${s}".recipient (
        id uuid PRIMARY KEY, version integer NOT NULL, kind text NOT NULL, name text NOT NULL, status text NOT NULL,
        district_keys text[] NOT NULL DEFAULT '{}', network_ids uuid[] NOT NULL DEFAULT '{}')`);
    await queryRunner.query(`CREATE INDEX recipient_districts ON "${s}".recipient USING gin (district_keys)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".network (
        id uuid PRIMARY KEY, version integer NOT NULL, name text NOT NULL,
        district_keys text[] NOT NULL DEFAULT '{}', coordinator_ids uuid[] NOT NULL DEFAULT '{}')`);
    // Channels hold personal data (addresses, URLs, secrets): DELETE erases the row.
    await queryRunner.query(`
      CREATE TABLE "${s}".channel (
        id uuid PRIMARY KEY, partner_id uuid NOT NULL, kind text NOT NULL CHECK (kind IN ('email', 'webhook')),
        address text NOT NULL, secret text, previous_secret text, previous_secret_until timestamptz,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')), disabled_reason text,
        failing_since timestamptz, created_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE INDEX channel_partner ON "${s}".channel (partner_id)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".subscription (
        id uuid PRIMARY KEY, partner_id uuid NOT NULL, channel_id uuid NOT NULL REFERENCES "${s}".channel (id) ON DELETE CASCADE,
        event_types text[] NOT NULL, mode text NOT NULL CHECK (mode IN ('immediate', 'digest')),
        language text NOT NULL CHECK (language IN ('de', 'en')), scope text NOT NULL DEFAULT 'concerned' CHECK (scope IN ('concerned', 'all')),
        created_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`CREATE INDEX subscription_partner ON "${s}".subscription (partner_id)`);
    // One row per (event, subscription): the exactly-once key of notifications.
    await queryRunner.query(`
      CREATE TABLE "${s}".delivery (
        id uuid PRIMARY KEY, event_id uuid NOT NULL, event_type text NOT NULL, event_time timestamptz NOT NULL,
        subscription_id uuid NOT NULL, channel_id uuid NOT NULL, partner_id uuid NOT NULL, channel_kind text NOT NULL,
        language text NOT NULL, event jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0, attempt_id uuid, lease_until timestamptz,
        next_attempt_at timestamptz NOT NULL DEFAULT now(), last_status_code integer, last_error text,
        created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz,
        CONSTRAINT delivery_once UNIQUE (event_id, subscription_id))`);
    await queryRunner.query(`CREATE INDEX delivery_due ON "${s}".delivery (next_attempt_at) WHERE status IN ('pending', 'sending')`);
    await queryRunner.query(`CREATE INDEX delivery_partner ON "${s}".delivery (partner_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE "${s}".delivery_attempt (
        id uuid PRIMARY KEY, delivery_id uuid NOT NULL REFERENCES "${s}".delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL, started_at timestamptz NOT NULL, latency_ms integer NOT NULL,
        outcome text NOT NULL, status_code integer, error text)`);
    await queryRunner.query(`CREATE INDEX delivery_attempt_delivery ON "${s}".delivery_attempt (delivery_id, attempt)`);
    // In-app inbox of an organisation (its users read it together).
    await queryRunner.query(`
      CREATE TABLE "${s}".inbox_item (
        id uuid PRIMARY KEY, partner_id uuid NOT NULL, event_id uuid NOT NULL, event_type text NOT NULL,
        title_de text NOT NULL, title_en text NOT NULL, body_de text NOT NULL, body_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(), read_at timestamptz,
        CONSTRAINT inbox_item_once UNIQUE (partner_id, event_id))`);
    await queryRunner.query(`CREATE INDEX inbox_item_partner ON "${s}".inbox_item (partner_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOfRunner(queryRunner);
    for (const table of ['inbox_item', 'delivery_attempt', 'delivery', 'subscription', 'channel', 'network', 'recipient']) {
      await queryRunner.query(`DROP TABLE "${s}".${table}`);
    }
    await dropOutboxAndInboxTables(queryRunner, s);
  }
}
