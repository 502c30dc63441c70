import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CloudEvent, createEvent, GapDetected } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { createNotificationsDataSource, migrateNotifications } from '../src/db/notifications-data-source';
import { NOTIFICATIONS_CONSUMER } from '../src/delivery/events/notify-events.handler';
import { RecordingBatcher } from '../src/delivery/events/recording-batcher';

/**
 * Group commit of the consumer: events recorded together share a transaction, yet each is
 * recorded once (its own inbox gate), a redelivered one adds nothing, and a bad event fails alone.
 */
describe('RecordingBatcher', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  const district = '06635';
  const gap = (districtKey = district): CloudEvent<Record<string, unknown>> => {
    const id = randomUUID();
    return createEvent(GapDetected, id, { id, version: 1, status: 'open', districtKey, skillGroup: 'cnc', skillUris: [], targetGroups: [], participants: 8, companies: 3, needIds: [] }) as unknown as CloudEvent<Record<string, unknown>>;
  };
  const deliveriesOf = async (eventIds: string[]) =>
    ((await dataSource.query(`SELECT count(*)::int AS n FROM delivery WHERE event_id = ANY ($1::uuid[])`, [eventIds])) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('notifbatcher');
    await migrateNotifications(infra.databaseUrl);
    dataSource = createNotificationsDataSource(infra.databaseUrl, { poolSize: 6 });
    await dataSource.initialize();
    for (let index = 0; index < 3; index += 1) {
      const partner = randomUUID();
      const channel = randomUUID();
      await dataSource.query(`INSERT INTO recipient (id, version, kind, name, status, district_keys) VALUES ($1, 1, 'provider', 'Träger', 'verified', $2)`, [partner, [district]]);
      await dataSource.query(`INSERT INTO channel (id, partner_id, kind, address, secret) VALUES ($1, $2, 'webhook', 'http://127.0.0.1:9/hooks', 'whsec_dGVzdA==')`, [channel, partner]);
      await dataSource.query(`INSERT INTO subscription (id, partner_id, channel_id, event_types, mode, language) VALUES (gen_random_uuid(), $1, $2, '{matching.gap.*}', 'immediate', 'de')`, [partner, channel]);
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await infra.dispose();
  });

  it('records concurrent events once each, also when some of them arrive twice', async () => {
    const batcher = new RecordingBatcher(dataSource, NOTIFICATIONS_CONSUMER, 16);
    const events = Array.from({ length: 40 }, () => gap());
    await Promise.all(events.map((event) => batcher.record(event)));
    // Redeliveries of the first ten, together with ten new events.
    const more = Array.from({ length: 10 }, () => gap());
    await Promise.all([...events.slice(0, 10), ...more].map((event) => batcher.record(event)));

    expect(await deliveriesOf([...events, ...more].map((event) => event.id))).toBe(50 * 3);
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox_item WHERE event_id = ANY ($1::uuid[])`, [events.map((event) => event.id)])) as Array<{ n: number }>;
    expect(n).toBe(40 * 3);
  });

  it('lets a bad event fail alone; the others of its batch are recorded', async () => {
    const batcher = new RecordingBatcher(dataSource, NOTIFICATIONS_CONSUMER, 16);
    const good = Array.from({ length: 6 }, () => gap());
    const bad = { ...gap(), type: 'matching.match.proposed.v1', data: { companyId: 'keine-uuid' } } as CloudEvent<Record<string, unknown>>;
    const outcomes = await Promise.allSettled([...good.slice(0, 3), bad, ...good.slice(3)].map((event) => batcher.record(event)));

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(await deliveriesOf(good.map((event) => event.id))).toBe(6 * 3);
    const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [bad.id])) as Array<{ n: number }>;
    expect(n).toBe(0); // not marked as processed: the consumer retries it, then dead-letters it
  });
});
