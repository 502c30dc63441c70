import { QueryRunner } from 'typeorm';
import { qualified } from './identifiers';

/**
 * DDL for a service's first migration. Kept here (not in each service) so that every outbox
 * and inbox has the columns and indexes the relay and `processOnce` rely on.
 *
 * - `outbox.id` is the event id and becomes the JetStream `Nats-Msg-Id`.
 * - `outbox.position` gives the publish order; the partial index keeps the relay's claim query
 *   cheap however many sent rows are still retained. Deliberately no other index: each costs
 *   every insert and every "mark sent" (which can never be a HOT update); the daily retention
 *   cleanup can afford a sequential scan.
 * - `inbox` remembers which event a consumer has already applied (primary key = consumer + id).
 */
export async function createOutboxAndInboxTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const outbox = qualified(schema, 'outbox');
  const inbox = qualified(schema, 'inbox');
  await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await queryRunner.query(`
    CREATE TABLE ${outbox} (
      id uuid PRIMARY KEY,
      position bigserial NOT NULL,
      type text NOT NULL,
      subject text NOT NULL,
      attributes jsonb NOT NULL,
      payload jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`);
  await queryRunner.query(`CREATE INDEX "outbox_pending_idx" ON ${outbox} (position) WHERE sent_at IS NULL`);
  await queryRunner.query(`
    CREATE TABLE ${inbox} (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
  await queryRunner.query(`CREATE INDEX "inbox_processed_at_idx" ON ${inbox} (processed_at)`);
}

/** Reverse of {@link createOutboxAndInboxTables} for the migration's `down`. */
export async function dropOutboxAndInboxTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS ${qualified(schema, 'inbox')}`);
  await queryRunner.query(`DROP TABLE IF EXISTS ${qualified(schema, 'outbox')}`);
}
