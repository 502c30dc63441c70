import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { createNotificationsDataSource, migrateNotifications } from '../src/db/notifications-data-source';
import { claimDue } from '../src/delivery/infra/delivery-store';

/**
 * A digest is one email per subscription: however many workers claim at the same moment, all
 * due digest rows of one subscription go to exactly one of them (no split, no double claim).
 */
describe('claimDue with concurrent workers', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('digestclaim');
    await migrateNotifications(infra.databaseUrl);
    dataSource = createNotificationsDataSource(infra.databaseUrl, { poolSize: 12 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await infra.dispose();
  });

  it('hands every subscription’s due digest rows to one claimer, and single rows to one claimer each', async () => {
    const partner = randomUUID();
    const channel = randomUUID();
    await dataSource.query(`INSERT INTO channel (id, partner_id, kind, address) VALUES ($1, $2, 'email', 'digest@example.org')`, [channel, partner]);
    const subscriptions = Array.from({ length: 5 }, () => randomUUID());
    for (const [index, subscription] of subscriptions.entries()) {
      await dataSource.query(
        `INSERT INTO subscription (id, partner_id, channel_id, event_types, mode, language) VALUES ($1, $2, $3, '{matching.match.*}', $4, 'de')`,
        [subscription, partner, channel, index < 4 ? 'digest' : 'immediate'],
      );
      for (let row = 0; row < 6; row += 1) {
        await dataSource.query(
          `INSERT INTO delivery (id, event_id, event_type, event_time, subscription_id, channel_id, partner_id, channel_kind, language, event, digest)
           VALUES ($1, $2, 'matching.match.proposed.v1', now(), $3, $4, $5, 'email', 'de', '{}'::jsonb, $6)`,
          [randomUUID(), randomUUID(), subscription, channel, partner, index < 4],
        );
      }
    }

    // A limit below a subscription's 6 rows: a row-by-row claim would have to split a digest.
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimDue(dataSource, 4, 60_000)));

    const all = claims.flat();
    expect(all).toHaveLength(30);
    expect(new Set(all.map((row) => row.id)).size).toBe(30);
    for (const subscription of subscriptions.slice(0, 4)) {
      const holders = claims.filter((claim) => claim.some((row) => row.subscription_id === subscription));
      expect(holders).toHaveLength(1);
      expect(holders[0].filter((row) => row.subscription_id === subscription)).toHaveLength(6);
    }
  });
});
