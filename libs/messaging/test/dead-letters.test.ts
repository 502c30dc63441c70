import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, PartnerRegistered } from '@bildungsraum/contracts';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { ConsumerRunner, connectNats, DeadLetter, drainNats, listDeadLetters, replayDeadLetter, streamName } from '../src';
import { partnerRegistered, publishAll, silentLogger, when } from './support/fixtures';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../..');

describe('dead letters', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const runners: ConsumerRunner[] = [];

  /** A consumer whose handler fails while `broken` is set, and remembers what it applied (its inbox). */
  const consumer = (consumerName: string) => {
    const state = { broken: true, applied: [] as string[], deliveries: [] as Array<{ id: string; deliveryCount: number }> };
    const runner = new ConsumerRunner({
      connection: nc,
      consumerName,
      service: 'partners',
      eventTypes: [PartnerRegistered.type],
      subjectPrefix: infra.subjectPrefix,
      logger: silentLogger,
      maxDeliver: 2,
      backoffMs: 10,
      ackWaitMs: 1_000,
      handler: async (event: CloudEvent, { deliveryCount }) => {
        state.deliveries.push({ id: event.id, deliveryCount });
        if (state.broken) throw new Error('Zieltabelle gesperrt');
        if (!state.applied.includes(event.id)) state.applied.push(event.id); // idempotent, like the inbox
      },
    });
    runners.push(runner);
    return { runner, state };
  };

  const cli = (...args: string[]) =>
    run('node', ['-r', '@swc-node/register', 'tools/scripts/deadletters.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix },
    });

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('dead-letters');
    nc = await connectNats({ url: infra.natsUrl, name: 'dead-letters-test' });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await jsm.streams.delete(streamName('partners', infra.subjectPrefix)).catch(() => undefined);
    await jsm.streams.delete(`${infra.subjectPrefix}_DEADLETTER`).catch(() => undefined);
    await drainNats(nc);
    await infra.dispose();
  });

  it('lists nothing before any consumer parked a message', async () => {
    await expect(listDeadLetters(nc, infra.subjectPrefix)).resolves.toEqual([]);
  });

  it('replays a dead letter to its original subject, where the failed consumer applies it and others skip it', async () => {
    const failing = consumer('billing');
    const healthy = consumer('reporting');
    healthy.state.broken = false;
    await failing.runner.start();
    await healthy.runner.start();
    const event = partnerRegistered('Schlosserei Sontra');
    await publishAll(nc, infra.subjectPrefix, [event]);

    const [letter] = await eventually(async () =>
      when(await listDeadLetters(nc, infra.subjectPrefix, { consumer: 'billing' }), (found: DeadLetter[]) => found.length === 1),
    );
    expect(letter).toMatchObject({ eventId: event.id, attempts: 2, error: 'Error: Zieltabelle gesperrt' });
    expect(healthy.state.applied).toEqual([event.id]);

    // The operator fixed the cause; the replay delivers the event again under its own id.
    failing.state.broken = false;
    const replayed = await replayDeadLetter(nc, infra.subjectPrefix, letter.seq);
    expect(replayed.eventId).toBe(event.id);

    await eventually(() => failing.state.applied.includes(event.id));
    expect(failing.state.deliveries.at(-1)).toEqual({ id: event.id, deliveryCount: 1 });
    // The other consumer received the replay too and skipped it by event id.
    await eventually(() => healthy.state.deliveries.length === 2);
    expect(healthy.state.applied).toEqual([event.id]);
    await expect(listDeadLetters(nc, infra.subjectPrefix)).resolves.toEqual([]);

    const info = await jsm.streams.info(streamName('partners', infra.subjectPrefix));
    const stored = await jsm.streams.getMessage(streamName('partners', infra.subjectPrefix), { seq: info.state.last_seq });
    expect(stored?.header.get('Nats-Msg-Id')).toBe(`${event.id}:replay:${letter.seq}`);
    expect(stored?.header.get('ce-id')).toBe(event.id);
    expect(stored?.header.get('x-deadletter-error')).toBe('');
  });

  it('lists and replays through the operator command', async () => {
    const failing = consumer('archive');
    await failing.runner.start();
    const event = partnerRegistered('Druckerei Heringen');
    await publishAll(nc, infra.subjectPrefix, [event]);
    // A new consumer replays the stream's history, so the earlier test's event is parked here too.
    const [letter] = await eventually(async () =>
      when((await listDeadLetters(nc, infra.subjectPrefix, { consumer: 'archive' })).filter((found) => found.eventId === event.id), (found: DeadLetter[]) => found.length === 1),
    );

    const listed = await cli('list', '--consumer', 'archive', '--json');
    const entries = JSON.parse(listed.stdout) as DeadLetter[];
    expect(entries.every((entry) => entry.consumer === 'archive')).toBe(true);
    expect(entries).toContainEqual(expect.objectContaining({ seq: letter.seq, eventId: event.id, attempts: 2 }));

    failing.state.broken = false;
    const replay = await cli('replay', String(letter.seq));
    expect(replay.stdout).toContain(event.id);
    await eventually(() => failing.state.applied.includes(event.id));
    await expect(cli('replay', String(letter.seq))).rejects.toMatchObject({ code: 1 });
  });
});
