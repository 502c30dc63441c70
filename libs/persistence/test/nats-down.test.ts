import { jetstream } from '@nats-io/jetstream';
import { DataSource } from 'typeorm';
import { JetStreamPublisher } from '@bildungsraum/messaging';
import { eventually, PrivateNatsServer, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { OutboxRelay } from '../src';
import { commitEvents, migratedDataSource, NatsSide, natsSide, pendingCount, SCHEMA, storedEventIds, testEvent } from './support/outbox-fixture';

describe('NATS DOWN PROOF: the outbox keeps accepting writes and delivers everything once NATS is back', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  let server: PrivateNatsServer;
  let nats: NatsSide;
  let relay: OutboxRelay;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('natsdown');
    dataSource = await migratedDataSource(infra.databaseUrl);
    server = await PrivateNatsServer.create();
    await server.start();
    nats = await natsSide(server.url, infra.subjectPrefix, 'nats-down-test');
  });
  afterAll(async () => {
    await relay?.stop();
    await nats?.close();
    await server?.dispose();
    await dataSource.destroy();
    await infra.dispose();
  });

  it('writes succeed while the server is stopped; after its restart every event is in the stream exactly once', async () => {
    const failures: unknown[] = [];
    relay = new OutboxRelay({
      dataSource,
      schema: SCHEMA,
      // A short ack timeout so that the test does not wait out the production default.
      publisher: new JetStreamPublisher(jetstream(nats.nc), infra.subjectPrefix, 1_000),
      pollIntervalMs: 200,
      minBackoffMs: 50,
      maxBackoffMs: 500,
      hooks: { onError: (error) => void failures.push(error) },
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await relay.start();
    const before = testEvent(0);
    await commitEvents(dataSource, [before]);
    await eventually(async () => (await pendingCount(dataSource)) === 0);

    await server.stop();
    const during = Array.from({ length: 20 }, (_, n) => testEvent(n + 1));
    for (const event of during) await commitEvents(dataSource, [event]); // no error: only Postgres is involved
    await eventually(() => failures.length >= 2, { timeoutMs: 20_000 });
    const [pending] = (await dataSource.query(
      `SELECT count(*)::int AS n, max(attempts)::int AS attempts, bool_or(last_error IS NOT NULL) AS recorded
         FROM "${SCHEMA}".outbox WHERE sent_at IS NULL`,
    )) as Array<{ n: number; attempts: number; recorded: boolean }>;
    expect(pending).toEqual({ n: during.length, attempts: expect.any(Number), recorded: true });
    expect(pending.attempts).toBeGreaterThanOrEqual(1);

    await server.start(); // same port, same store directory: the stream and its contents survive
    await eventually(async () => (await pendingCount(dataSource)) === 0, { timeoutMs: 30_000 });

    const stored = await storedEventIds(nats.jsm, nats.stream);
    expect(stored).toHaveLength(during.length + 1);
    expect(new Set(stored)).toEqual(new Set([before, ...during].map((event) => event.id)));
  });
});
