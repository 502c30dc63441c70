import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeliveriesSucceeded, DeliveryFailed, validatePayload } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { createNotificationsDataSource, migrateNotifications } from '../src/db/notifications-data-source';
import { claimDue, ClaimedDelivery, settle, Settled } from '../src/delivery/infra/delivery-store';

/**
 * A batch's outcomes are recorded by one statement: attempts, delivery rows, channel health and
 * outbox events together or not at all. A worker that dies mid-batch therefore leaves no attempt
 * without its status change or its event (and no event without its attempt); the rows stay
 * 'sending' and go out again after the lease, with the same webhook-id.
 */
describe('settle: batch outcomes, all or nothing', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  const count = async (sql: string, params: unknown[] = []) => ((await dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('notifsettle');
    await migrateNotifications(infra.databaseUrl);
    dataSource = createNotificationsDataSource(infra.databaseUrl, { poolSize: 4 });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await infra.dispose();
  });

  async function claimedRows(rows: number): Promise<ClaimedDelivery[]> {
    const partner = randomUUID();
    const channel = randomUUID();
    const subscription = randomUUID();
    await dataSource.query(`INSERT INTO channel (id, partner_id, kind, address, secret) VALUES ($1, $2, 'webhook', 'http://127.0.0.1:9/hooks', 'whsec_dGVzdA==')`, [channel, partner]);
    await dataSource.query(`INSERT INTO subscription (id, partner_id, channel_id, event_types, mode, language) VALUES ($1, $2, $3, '{*}', 'immediate', 'de')`, [subscription, partner, channel]);
    for (let row = 0; row < rows; row += 1) {
      await dataSource.query(
        `INSERT INTO delivery (id, event_id, event_type, event_time, subscription_id, channel_id, partner_id, channel_kind, language, event)
         VALUES (gen_random_uuid(), gen_random_uuid(), 'matching.gap.detected.v1', now(), $1, $2, $3, 'webhook', 'de', '{"id":"x","type":"t","time":"2026-01-01T00:00:00Z","data":{}}'::jsonb)`,
        [subscription, channel, partner],
      );
    }
    const claimed = await claimDue(dataSource, rows, 60_000);
    expect(claimed).toHaveLength(rows);
    expect(claimed.every((row) => row.channel?.id === channel)).toBe(true);
    return claimed;
  }

  /** Outbox events that mention any of `ids`: per-delivery ones by deliveryId, batch ones by their entries. */
  async function eventsAbout(ids: string[]): Promise<Array<{ type: string; deliveryIds: string[] }>> {
    const rows = (await dataSource.query(`SELECT type, payload FROM outbox ORDER BY position`)) as Array<{ type: string; payload: { deliveryId?: string; deliveries?: Array<{ deliveryId: string }> } }>;
    return rows
      .map(({ type, payload }) => ({ type, deliveryIds: payload.deliveries ? payload.deliveries.map((entry) => entry.deliveryId) : [payload.deliveryId as string] }))
      .filter((event) => event.deliveryIds.some((id) => ids.includes(id)));
  }

  const succeeded = (delivery: ClaimedDelivery): Settled => ({ delivery, startedAt: new Date(), latencyMs: 3, statusCode: 204, outcome: { kind: 'succeeded' } });

  it('logs every attempt, but changes and announces only the rows still ours', async () => {
    const claimed = await claimedRows(4);
    // Row 0 was taken over by another worker after its lease ran out (new attempt id).
    await dataSource.query(`UPDATE delivery SET attempt_id = gen_random_uuid() WHERE id = $1`, [claimed[0].id]);
    const retry: Settled = { delivery: claimed[3], startedAt: new Date(), latencyMs: 5, statusCode: 503, error: 'HTTP 503', outcome: { kind: 'retry', delayMs: 60_000 } };

    const result = await settle(dataSource, [...claimed.slice(0, 3).map(succeeded), retry]);

    // One event for the batch's successes, carrying only the rows that were still ours.
    expect(result).toEqual({ ours: 3, events: 1 });
    const ids = claimed.map((row) => row.id);
    expect(await count(`SELECT count(*)::int AS n FROM delivery_attempt WHERE delivery_id = ANY ($1::uuid[])`, [ids])).toBe(4);
    expect(await count(`SELECT count(*)::int AS n FROM delivery WHERE id = $1 AND status = 'sending'`, [claimed[0].id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM delivery WHERE id = ANY ($1::uuid[]) AND status = 'succeeded'`, [ids.slice(1, 3)])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM delivery WHERE id = $1 AND status = 'pending' AND next_attempt_at > now()`, [claimed[3].id])).toBe(1);
    expect(await eventsAbout(ids)).toEqual([{ type: 'notifications.delivery.succeeded.v2', deliveryIds: ids.slice(1, 3) }]);
  });

  it('announces a failed delivery on its own, beside the batch event of the successes', async () => {
    const claimed = await claimedRows(3);
    const gone: Settled = { delivery: claimed[2], startedAt: new Date(), latencyMs: 2, statusCode: 410, error: 'HTTP 410 Gone', outcome: { kind: 'failed', reasonCode: 'endpoint_gone' } };
    expect(await settle(dataSource, [succeeded(claimed[0]), succeeded(claimed[1]), gone])).toEqual({ ours: 3, events: 2 });
    const ids = claimed.map((row) => row.id);
    expect(await eventsAbout(ids)).toEqual([
      { type: 'notifications.delivery.failed.v1', deliveryIds: [ids[2]] },
      { type: 'notifications.delivery.succeeded.v2', deliveryIds: ids.slice(0, 2) },
    ]);
    // The payloads the statement built keep the contracts, with the row's facts.
    const rows = (await dataSource.query(`SELECT type, attributes, payload FROM outbox ORDER BY position DESC LIMIT 2`)) as Array<{ type: string; attributes: { type: string; id: string }; payload: Record<string, unknown> }>;
    const failed = rows.find((row) => row.type === DeliveryFailed.type);
    const batch = rows.find((row) => row.type === DeliveriesSucceeded.type);
    expect(validatePayload(DeliveryFailed, failed?.payload).violations).toEqual([]);
    expect(validatePayload(DeliveriesSucceeded, batch?.payload).violations).toEqual([]);
    expect(failed?.payload).toMatchObject({ deliveryId: ids[2], partnerId: claimed[2].partner_id, channelKind: 'webhook', attempts: 1, statusCode: 410, reasonCode: 'endpoint_gone', reason: 'HTTP 410 Gone' });
    expect(batch?.payload.deliveries).toEqual(claimed.slice(0, 2).map((row) => ({ deliveryId: row.id, eventId: row.event_id, eventType: row.event_type, subscriptionId: row.subscription_id, channelId: row.channel_id, channelKind: 'webhook', partnerId: row.partner_id, attempts: 1, statusCode: 204, latencyMs: expect.any(Number) })));
    expect(batch?.attributes).toMatchObject({ type: DeliveriesSucceeded.type, id: expect.any(String) });
    expect(batch?.attributes).not.toHaveProperty('data');
  });

  it('writes nothing of a batch whose statement fails part-way (as if the process died in it)', async () => {
    const claimed = await claimedRows(3);
    // The last outcome refers to a delivery that is gone: its attempt row violates the foreign key.
    const ghost: ClaimedDelivery = { ...claimed[2], id: randomUUID() };
    await expect(settle(dataSource, [succeeded(claimed[0]), succeeded(claimed[1]), succeeded(ghost)])).rejects.toThrow(/foreign key/);

    const ids = claimed.map((row) => row.id);
    expect(await count(`SELECT count(*)::int AS n FROM delivery_attempt WHERE delivery_id = ANY ($1::uuid[])`, [ids])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM delivery WHERE id = ANY ($1::uuid[]) AND status = 'sending'`, [ids])).toBe(3);
    expect(await eventsAbout(ids)).toEqual([]);

    // The same batch settled again (after the lease, by whoever claims it) is recorded once.
    expect(await settle(dataSource, claimed.map(succeeded))).toEqual({ ours: 3, events: 1 });
    expect(await count(`SELECT count(*)::int AS n FROM delivery_attempt WHERE delivery_id = ANY ($1::uuid[])`, [ids])).toBe(3);
  });
});
