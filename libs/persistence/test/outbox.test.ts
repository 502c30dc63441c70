import { DataSource } from 'typeorm';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { appendToOutbox, deleteSentOutboxRows, OutboxRelay, RelayBatchInfo } from '../src';
import {
  commitEvents,
  migratedDataSource,
  NatsSide,
  natsSide,
  pendingCount,
  resetOutboxAndStream,
  SCHEMA,
  storedEventIds,
  storedPayloads,
  testEvent,
} from './support/outbox-fixture';

describe('transactional outbox and relay', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  let nats: NatsSide;
  const relays: OutboxRelay[] = [];

  function relay(options: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}): OutboxRelay {
    const created = new OutboxRelay({ dataSource, schema: SCHEMA, publisher: nats.publisher, pollIntervalMs: 5_000, ...options });
    relays.push(created);
    return created;
  }

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('outbox');
    dataSource = await migratedDataSource(infra.databaseUrl);
    nats = await natsSide(infra.natsUrl, infra.subjectPrefix, 'outbox-test');
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await resetOutboxAndStream(dataSource, nats);
  });
  afterAll(async () => {
    await nats.jsm.streams.delete(nats.stream);
    await nats.close();
    await dataSource.destroy();
    await infra.dispose();
  });

  it('keeps outbox rows only for committed transactions: a rollback leaves none and publishes nothing', async () => {
    const published: string[] = [];
    await relay({ hooks: { afterPublish: (ids) => void published.push(...ids) } }).start();
    const rolledBack = testEvent(1);
    await expect(
      dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, SCHEMA, [rolledBack]);
        throw new Error('state change rejected');
      }),
    ).rejects.toThrow('state change rejected');
    const committed = testEvent(2);
    await commitEvents(dataSource, [committed]);

    // The committed event is relayed; by then the relay has seen everything there is.
    await eventually(() => published.includes(committed.id));
    const rows = (await dataSource.query(`SELECT id FROM "${SCHEMA}".outbox`)) as Array<{ id: string }>;
    expect(rows.map((row) => row.id)).toEqual([committed.id]);
    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual([committed.id]);
  });

  it('refuses to append outside a transaction', async () => {
    await expect(appendToOutbox(dataSource.manager, SCHEMA, [testEvent(1)])).rejects.toThrow(/inside a transaction/);
  });

  it('publishes committed events in commit order, woken by NOTIFY well before the poll interval', async () => {
    const batches: RelayBatchInfo[] = [];
    // A poll interval of a minute: only the notification can explain a fast delivery. start()
    // resolves once LISTEN is in place.
    await relay({ pollIntervalMs: 60_000, hooks: { onBatch: (info) => void batches.push(info) } }).start();

    const events = Array.from({ length: 30 }, (_, n) => testEvent(n));
    const started = Date.now();
    for (let i = 0; i < events.length; i += 3) await commitEvents(dataSource, events.slice(i, i + 3));
    await eventually(async () => (await storedEventIds(nats.jsm, nats.stream)).length === events.length);
    const elapsed = Date.now() - started;

    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual(events.map((event) => event.id));
    expect((await storedPayloads(nats.jsm, nats.stream)).map((payload) => payload.n)).toEqual(events.map((_, n) => n));
    expect(elapsed).toBeLessThan(5_000);
    const latencies = batches.flatMap((batch) => batch.latenciesMs);
    expect(latencies).toHaveLength(events.length);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
    await eventually(async () => (await pendingCount(dataSource)) === 0);
  });

  it('with claimIntervalMs, lets steady single-event commits share a batch; the first after a quiet spell and a backlog do not wait', async () => {
    const batches: Array<{ published: number; at: number }> = [];
    const interval = 1_000;
    await relay({ claimIntervalMs: interval, batchSize: 5, pollIntervalMs: 60_000, hooks: { onBatch: (info) => void batches.push({ published: info.published, at: Date.now() }) } }).start();
    // onBatch runs once the batch's claim has committed, a moment after the stream holds its events.
    const delivered = (count: number, timeoutMs?: number) =>
      eventually(async () => batches.reduce((sum, batch) => sum + batch.published, 0) === count && (await storedEventIds(nats.jsm, nats.stream)).length === count, timeoutMs ? { timeoutMs } : undefined);
    await new Promise((resolve) => setTimeout(resolve, interval + 100)); // past the claims of start()

    // The first commit after a quiet spell is claimed at once…
    const first = testEvent(0);
    const committedAt = Date.now();
    await commitEvents(dataSource, [first]);
    await delivered(1);
    expect(batches[0]?.at - committedAt).toBeLessThan(interval * 0.8);

    // …the five that follow within the interval wait for one claim together.
    const following = Array.from({ length: 5 }, (_, n) => testEvent(n + 1));
    for (const event of following) await commitEvents(dataSource, [event]);
    await delivered(6, 10_000);
    expect(batches.slice(1).map((batch) => batch.published)).toEqual([5]);
    expect(batches[1].at - batches[0].at).toBeGreaterThanOrEqual(interval * 0.9);

    // A backlog (full batches) is claimed without waiting: 12 rows in batches of 5, 5 and 2.
    await new Promise((resolve) => setTimeout(resolve, interval + 100));
    const backlog = Array.from({ length: 12 }, (_, n) => testEvent(n + 20));
    const backlogAt = Date.now();
    await commitEvents(dataSource, backlog);
    await delivered(18, 10_000);
    // Two lanes overlap batches (concurrency 2), so they may finish in another order than claimed.
    expect(batches.slice(2).map((batch) => batch.published).sort((a, b) => b - a)).toEqual([5, 5, 2]);
    expect(batches[batches.length - 1].at - backlogAt).toBeLessThan(interval * 0.8);
    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual([first, ...following, ...backlog].map((event) => event.id));
  });

  it('lets two relays share one outbox without publishing any event twice', async () => {
    const publishedBy = [new Map<string, number>(), new Map<string, number>()];
    const countingPublisher = (tally: Map<string, number>) => ({
      publish: async (event: Parameters<typeof nats.publisher.publish>[0]) => {
        tally.set(event.id, (tally.get(event.id) ?? 0) + 1);
        return nats.publisher.publish(event);
      },
    });
    await relay({ batchSize: 20, publisher: countingPublisher(publishedBy[0]) }).start();
    await relay({ batchSize: 20, publisher: countingPublisher(publishedBy[1]) }).start();

    const events = Array.from({ length: 1_000 }, (_, n) => testEvent(n));
    // Concurrent writers, so that both relays are woken while the other holds a batch.
    await Promise.all(
      Array.from({ length: 10 }, (_, w) => (async () => {
        for (let i = w * 100; i < (w + 1) * 100; i += 10) await commitEvents(dataSource, events.slice(i, i + 10));
      })()),
    );
    await eventually(async () => (await pendingCount(dataSource)) === 0, { timeoutMs: 30_000 });

    const attempts = [...publishedBy[0].values(), ...publishedBy[1].values()];
    expect(attempts.every((count) => count === 1)).toBe(true);
    expect(publishedBy[0].size + publishedBy[1].size).toBe(events.length);
    expect(publishedBy[0].size).toBeGreaterThan(0);
    expect(publishedBy[1].size).toBeGreaterThan(0);
    const stored = await storedEventIds(nats.jsm, nats.stream);
    expect(stored).toHaveLength(events.length);
    expect(new Set(stored)).toEqual(new Set(events.map((event) => event.id)));
  });

  it('recovers when Postgres terminates its connections (LISTEN and claim connections alike)', async () => {
    const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };
    await relay({ pollIntervalMs: 200, minBackoffMs: 20, maxBackoffMs: 200, logger: quiet }).start();
    const first = testEvent(1);
    await commitEvents(dataSource, [first]);
    await eventually(async () => (await pendingCount(dataSource)) === 0);

    const terminated = (await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE '${SCHEMA}-outbox-relay%'`,
    )) as unknown[];
    expect(terminated.length).toBeGreaterThanOrEqual(2); // the listener and at least one lane

    const afterwards = [testEvent(2), testEvent(3)];
    await commitEvents(dataSource, afterwards);
    await eventually(async () => (await pendingCount(dataSource)) === 0);
    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual([first, ...afterwards].map((event) => event.id));
    // …and it has re-established its LISTEN, so notifications wake it again.
    await eventually(async () => (await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`)).length === 1);
  });

  it('deletes sent rows past their retention and never pending ones', async () => {
    const [sent, pending] = [testEvent(1), testEvent(2)];
    await commitEvents(dataSource, [sent, pending]);
    await dataSource.query(`UPDATE "${SCHEMA}".outbox SET sent_at = now() - interval '8 days' WHERE id = $1`, [sent.id]);
    await dataSource.query(`UPDATE "${SCHEMA}".outbox SET created_at = now() - interval '30 days' WHERE id = $1`, [pending.id]);

    expect(await deleteSentOutboxRows(dataSource, SCHEMA, 7)).toBe(1);
    const rows = (await dataSource.query(`SELECT id FROM "${SCHEMA}".outbox`)) as Array<{ id: string }>;
    expect(rows.map((row) => row.id)).toEqual([pending.id]);
  });
});
