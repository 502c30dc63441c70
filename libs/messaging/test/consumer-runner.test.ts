import { jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { CloudEvent, PartnerRegistered, PartnerUpdated, PartnerVerified } from '@bildungsraum/contracts';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import {
  ConsumerRunner,
  ConsumerRunnerOptions,
  connectNats,
  DEAD_LETTER_HEADERS,
  drainNats,
  durableName,
  ensureDeadLetterStream,
  ensureServiceStream,
  EventHandler,
  listDeadLetters,
  streamName,
} from '../src';
import { AckRecorder, deferred, partnerRegistered, publishAll, publishRaw, silentLogger, when } from './support/fixtures';

describe('ConsumerRunner', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let prefix: string;
  const runners: ConsumerRunner[] = [];
  const connections: NatsConnection[] = [];

  const start = async (consumerName: string, handler: EventHandler, extra: Partial<ConsumerRunnerOptions> = {}) => {
    const runner = new ConsumerRunner({
      connection: extra.connection ?? nc,
      consumerName,
      service: 'partners',
      eventTypes: [PartnerRegistered.type],
      handler,
      subjectPrefix: prefix,
      logger: silentLogger,
      maxDeliver: 3,
      ackWaitMs: 1_000,
      backoffMs: 50,
      maxBackoffMs: 200,
      ...extra,
    });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('consumer-runner');
    prefix = infra.subjectPrefix;
    nc = await connectNats({ url: infra.natsUrl, name: 'consumer-runner-test' });
    jsm = await jetstreamManager(nc);
  });
  beforeEach(async () => {
    // Every test starts from empty streams: a new durable consumer replays all history.
    await ensureServiceStream(jsm, 'partners', prefix);
    await ensureDeadLetterStream(jsm, prefix);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await Promise.all(connections.splice(0).map((connection) => drainNats(connection)));
    await jsm.streams.delete(streamName('partners', prefix));
    await jsm.streams.delete(`${prefix}_DEADLETTER`);
  });
  afterAll(async () => {
    await drainNats(nc);
    await infra.dispose();
  });

  it('acks a message only after the handler has resolved, keeping it alive past ack_wait meanwhile', async () => {
    const gate = deferred();
    const received: CloudEvent[] = [];
    const acks = new AckRecorder(nc, streamName('partners', prefix), durableName('ackcheck', 'partners', prefix));
    await start('ackcheck', async (event) => {
      received.push(event);
      await gate.promise;
    });
    const event = partnerRegistered('Tischlerei Hessisch Lichtenau');
    await publishAll(nc, prefix, [event]);

    await eventually(() => received.length === 1);
    // Two in-progress signals at ack_wait/2 intervals: ack_wait has passed without a redelivery.
    await eventually(() => acks.of('+WPI').length >= 2, { timeoutMs: 5_000 });
    expect(acks.of('+ACK')).toHaveLength(0);
    expect(received).toHaveLength(1);
    const pending = await jsm.consumers.info(streamName('partners', prefix), durableName('ackcheck', 'partners', prefix));
    expect(pending.num_ack_pending).toBe(1);

    gate.resolve();
    await eventually(() => acks.of('+ACK').length === 1);
    const done = await jsm.consumers.info(streamName('partners', prefix), durableName('ackcheck', 'partners', prefix));
    expect(done.num_ack_pending).toBe(0);
    expect(done.num_redelivered).toBe(0);
    expect(received[0]).toMatchObject({ id: event.id, type: PartnerRegistered.type, data: { name: 'Tischlerei Hessisch Lichtenau' } });
    acks.stop();
  });

  it('retries a failing handler with growing delay, parks it after max_deliver and keeps processing the rest', async () => {
    const poison = partnerRegistered('Immer kaputt GmbH');
    const healthy = [partnerRegistered('Bäckerei Eschwege'), partnerRegistered('Elektro Witzenhausen')];
    const attempts: number[] = [];
    const attemptTimes: number[] = [];
    const processed: string[] = [];
    const acks = new AckRecorder(nc, streamName('partners', prefix), durableName('retrying', 'partners', prefix));
    await start('retrying', async (event, { deliveryCount }) => {
      if (event.id === poison.id) {
        attempts.push(deliveryCount);
        attemptTimes.push(Date.now());
        throw new Error(`Datenbank nicht erreichbar (Versuch ${deliveryCount})`);
      }
      processed.push(event.id);
    });
    await publishAll(nc, prefix, [poison, ...healthy]);

    const [letter] = await eventually(async () => when(await listDeadLetters(nc, prefix, { consumer: 'retrying' }), (found) => found.length === 1));
    expect(attempts).toEqual([1, 2, 3]);
    expect(processed).toEqual(healthy.map((event) => event.id));
    expect(letter).toMatchObject({
      consumer: 'retrying',
      eventType: PartnerRegistered.type,
      eventId: poison.id,
      attempts: 3,
      error: 'Error: Datenbank nicht erreichbar (Versuch 3)',
      originalSubject: `${prefix}.${PartnerRegistered.type}`,
      originalStream: streamName('partners', prefix),
      originalStreamSeq: 1,
      data: { name: 'Immer kaputt GmbH' },
    });
    // Backoff doubles from 50 ms: the naks ask for 50 ms then 100 ms; the last attempt is terminated.
    const naks = acks.of('-NAK', 1).map((nak) => JSON.parse(nak.body.slice(4)).delay / 1e6);
    expect(naks).toEqual([50, 100]);
    // …and the server honoured them (a little slack for timer granularity).
    expect(attemptTimes[1] - attemptTimes[0]).toBeGreaterThanOrEqual(45);
    expect(attemptTimes[2] - attemptTimes[1]).toBeGreaterThanOrEqual(95);
    // The terminate took effect: nothing waits for an ack or a redelivery.
    await eventually(async () =>
      when(await jsm.consumers.info(streamName('partners', prefix), durableName('retrying', 'partners', prefix)), (info) => info.num_ack_pending === 0 && info.ack_floor.stream_seq === 3),
    );
    expect(acks.of('+TERM', 1)).toHaveLength(1);
    acks.stop();
  });

  it('parks a contract-breaking payload and a non-CloudEvent on the first delivery without calling the handler', async () => {
    const broken = partnerRegistered('Ohne Bezirk');
    const notAnEvent = partnerRegistered('Ohne Umschlag');
    const valid = partnerRegistered('Gültig GmbH');
    const handled: string[] = [];
    await start('strict', async (event) => {
      handled.push(event.id);
    });
    await publishRaw(nc, prefix, broken, JSON.stringify({ ...broken.data, districtKeys: ['Kassel'], kind: 'alien' }));
    await publishRaw(nc, prefix, notAnEvent, JSON.stringify(notAnEvent.data), false);
    await publishAll(nc, prefix, [valid]);

    const letters = await eventually(async () => when(await listDeadLetters(nc, prefix, { consumer: 'strict' }), (found) => found.length === 2));
    expect(handled).toEqual([valid.id]);
    expect(letters[0]).toMatchObject({ eventId: broken.id, attempts: 1 });
    expect(letters[0].error).toMatch(/payload breaks contract partners\.partner\.registered\.v1: .*kind.*districtKeys|districtKeys.*kind/);
    expect(letters[1]).toMatchObject({ eventId: undefined, attempts: 1, eventType: PartnerRegistered.type });
    expect(letters[1].error).toMatch(/^not a CloudEvent: missing ce-id/);
    await eventually(async () =>
      when(await jsm.consumers.info(streamName('partners', prefix), durableName('strict', 'partners', prefix)), (info) => info.num_ack_pending === 0 && info.ack_floor.stream_seq === 3),
    );
  });

  it('shares one durable consumer between two runners so that each message is processed once', async () => {
    const events = Array.from({ length: 40 }, (_, index) => partnerRegistered(`Betrieb ${index}`));
    const seen = new Map<string, string[]>();
    const handler = (replica: string): EventHandler => async (event) => {
      seen.set(event.id, [...(seen.get(event.id) ?? []), replica]);
    };
    const second = await connectNats({ url: infra.natsUrl, name: 'consumer-runner-test-2' });
    connections.push(second);
    // Both replicas provision at the same moment: creation must be idempotent.
    await Promise.all([start('shared', handler('a')), start('shared', handler('b'), { connection: second })]);
    await publishAll(nc, prefix, events);

    await eventually(() => seen.size === events.length);
    const info = await eventually(async () =>
      when(await jsm.consumers.info(streamName('partners', prefix), durableName('shared', 'partners', prefix)), (current) => current.ack_floor.stream_seq === events.length),
    );
    expect(info.num_redelivered).toBe(0);
    expect([...seen.values()].every((replicas) => replicas.length === 1)).toBe(true);
    expect(new Set([...seen.values()].flat())).toEqual(new Set(['a', 'b'])); // both replicas took work
    const consumers = await jsm.consumers.list(streamName('partners', prefix)).next();
    expect(consumers.map((consumer) => consumer.name)).toEqual([durableName('shared', 'partners', prefix)]);
  });

  it('processes up to `concurrency` messages at once, finishes them on stop and loses none', async () => {
    const gate = deferred();
    const events = Array.from({ length: 8 }, (_, index) => partnerRegistered(`Parallel ${index}`));
    const completed = new Set<string>();
    let running = 0;
    let peak = 0;
    const runner = await start(
      'parallel',
      async (event) => {
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        completed.add(event.id);
      },
      { concurrency: 3 },
    );
    await publishAll(nc, prefix, events);
    await eventually(() => running === 3);

    const stopped = runner.stop();
    gate.resolve();
    await stopped;
    // stop() returned only after the three running handlers had finished.
    expect(peak).toBe(3);
    expect(running).toBe(0);
    expect(completed.size).toBe(3);

    // Messages pulled but not started come back (at the latest after ack_wait) to the next runner.
    await start('parallel', async (event) => {
      completed.add(event.id);
    });
    await eventually(() => completed.size === events.length, { timeoutMs: 10_000 });
  });

  it('reads several event types of one stream through one durable consumer and nothing else', async () => {
    const handled: string[] = [];
    const runner = await start(
      'multi',
      async (event) => {
        handled.push(event.type);
      },
      { eventTypes: [PartnerRegistered.type, PartnerVerified.type] },
    );
    const registered = partnerRegistered('Metallbau Hann. Münden');
    await publishAll(nc, prefix, [
      registered,
      { ...partnerRegistered('Nicht abonniert'), type: PartnerUpdated.type },
      { ...registered, id: randomUUID(), type: PartnerVerified.type },
    ]);

    const info = await eventually(async () =>
      when(await jsm.consumers.info(streamName('partners', prefix), durableName('multi', 'partners', prefix)), (current) => current.ack_floor.stream_seq === 3),
    );
    expect(handled).toEqual([PartnerRegistered.type, PartnerVerified.type]);
    await expect(listDeadLetters(nc, prefix)).resolves.toEqual([]);
    // NATS 2.10 filters by both subjects; 2.9 takes one filter only, so the runner reads the stream and skips the rest.
    if (runner.consumer?.filtered) expect([...(info.config.filter_subjects ?? [])].sort()).toEqual([PartnerRegistered.type, PartnerVerified.type].map((type) => `${prefix}.${type}`).sort());
    else expect(info.config.filter_subject).toBe(`${prefix}.partners.>`);
  });

  it('gives up waiting for a hung handler after stopTimeoutMs, leaving its message to redelivery', async () => {
    const event = partnerRegistered('Hängt fest KG');
    const started: number[] = [];
    const hung = await start(
      'hung',
      (_event, { deliveryCount }) => {
        started.push(deliveryCount);
        return new Promise(() => undefined); // never settles
      },
      { stopTimeoutMs: 100 },
    );
    await publishAll(nc, prefix, [event]);
    await eventually(() => started.length === 1);
    await hung.stop();

    const redelivered: number[] = [];
    await start('hung', async (_event, { deliveryCount }) => {
      redelivered.push(deliveryCount);
    });
    await eventually(() => redelivered.length === 1, { timeoutMs: 10_000 });
    expect(redelivered).toEqual([2]);
  });

  it('updates an existing durable consumer when its settings change', async () => {
    const first = await start('tuned', async () => undefined, { maxDeliver: 3, ackWaitMs: 1_000 });
    await first.stop();
    await start('tuned', async () => undefined, { maxDeliver: 7, ackWaitMs: 2_000 });
    const info = await jsm.consumers.info(streamName('partners', prefix), durableName('tuned', 'partners', prefix));
    expect(info.config.max_deliver).toBe(8); // one more than the handler attempts, for parking
    expect(info.config.ack_wait).toBe(2_000 * 1e6);
    expect(info.config.filter_subject).toBe(`${prefix}.${PartnerRegistered.type}`);
    expect(DEAD_LETTER_HEADERS.error).toBe('x-deadletter-error');

    // A handler added for another type widens the filter of the same durable consumer.
    await runners.pop()?.stop();
    const widened = await start('tuned', async () => undefined, { eventTypes: [PartnerRegistered.type, PartnerVerified.type] });
    const after = await jsm.consumers.info(streamName('partners', prefix), durableName('tuned', 'partners', prefix));
    if (widened.consumer?.filtered) expect(after.config.filter_subjects).toHaveLength(2);
    else expect(after.config.filter_subject).toBe(`${prefix}.partners.>`);
  });
});
