import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's body is stored once, not once per delivery: a gap concerning 20 providers used to
 * write (and the worker to read, parse and re-serialise) the same JSON 20 times. `webhook_body`
 * is the Standard Webhooks payload rendered once at recording; only the signature is per
 * delivery. Older rows keep their `delivery.event` (the worker falls back to it).
 */
export class DeliveryEventBody1763740300000 implements MigrationInterface {
  name = 'DeliveryEventBody1763740300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE delivery_event (event_id uuid PRIMARY KEY, event jsonb NOT NULL, webhook_body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN event DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE delivery d SET event = e.event FROM delivery_event e WHERE d.event IS NULL AND e.event_id = d.event_id`);
    await queryRunner.query(`ALTER TABLE delivery ALTER COLUMN event SET NOT NULL`);
    await queryRunner.query(`DROP TABLE delivery_event`);
  }
}
