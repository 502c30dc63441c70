import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { OutboxRelay } from '../src';
import { ScriptProcess } from './support/child-process';
import { commitEvents, migratedDataSource, NatsSide, natsSide, pendingCount, SCHEMA, storedEventIds, testEvent } from './support/outbox-fixture';

const RELAY_SCRIPT = resolve(__dirname, 'fixtures/relay-process.ts');

describe('KILL PROOF: relay killed between stream ack and marking the row sent', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  let nats: NatsSide;
  let child: ScriptProcess | undefined;
  let successor: OutboxRelay | undefined;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('killrelay');
    dataSource = await migratedDataSource(infra.databaseUrl);
    nats = await natsSide(infra.natsUrl, infra.subjectPrefix, 'kill-relay-test');
  });
  afterAll(async () => {
    await child?.kill();
    await successor?.stop();
    await nats.jsm.streams.delete(nats.stream);
    await nats.close();
    await dataSource.destroy();
    await infra.dispose();
  });

  it('republishes after SIGKILL; JetStream keeps the event once and the row ends up sent', async () => {
    child = new ScriptProcess(RELAY_SCRIPT, {
      DATABASE_URL: infra.databaseUrl,
      NATS_URL: infra.natsUrl,
      SUBJECT_PREFIX: infra.subjectPrefix,
      OUTBOX_SCHEMA: SCHEMA,
      HANG_AFTER_ACK: '1',
    });
    await eventually(() => child!.line('READY'), { timeoutMs: 30_000 });
    const event = testEvent(1);
    await commitEvents(dataSource, [event]);

    // The child reports the ack and then holds its transaction open: kill it right there.
    const acked = await eventually(() => child!.line('ACKED'));
    expect(acked).toBe(`ACKED ${event.id}`);
    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual([event.id]);
    await child.kill('SIGKILL');
    expect(child.child.signalCode).toBe('SIGKILL');
    // In the stream, but not marked sent: exactly the window the duplicate detection covers.
    expect(await pendingCount(dataSource)).toBe(1);

    const republished: string[] = [];
    successor = new OutboxRelay({
      dataSource,
      schema: SCHEMA,
      publisher: {
        publish: async (e) => {
          const ack = await nats.publisher.publish(e);
          if (ack.duplicate) republished.push(e.id);
          return ack;
        },
      },
      pollIntervalMs: 100,
    });
    await successor.start();

    await eventually(async () => (await pendingCount(dataSource)) === 0);
    expect(republished).toEqual([event.id]); // it was sent again and JetStream dropped the copy
    expect(await storedEventIds(nats.jsm, nats.stream)).toEqual([event.id]);
    const [row] = (await dataSource.query(`SELECT sent_at, attempts FROM "${SCHEMA}".outbox WHERE id = $1`, [event.id])) as Array<{
      sent_at: Date | null;
      attempts: number;
    }>;
    expect(row.sent_at).not.toBeNull();
  });
});
