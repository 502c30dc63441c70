import { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks deliveries of digest subscriptions, so the worker sends a subscription's due ones as one email. */
export class DeliveryDigest1763740100000 implements MigrationInterface {
  name = 'DeliveryDigest1763740100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery ADD COLUMN digest boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE delivery DROP COLUMN digest`);
  }
}
