import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lets the worker find subscriptions with due digest rows without scanning every delivery. */
export class DigestClaimIndex1763740200000 implements MigrationInterface {
  name = 'DigestClaimIndex1763740200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX delivery_due_digest ON delivery (subscription_id, next_attempt_at) WHERE digest AND status IN ('pending', 'sending')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX delivery_due_digest`);
  }
}
