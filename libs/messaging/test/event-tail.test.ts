import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent } from '@bildungsraum/contracts';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import {
  connectNats,
  drainNats,
  ensureServiceStream,
  formatTailJson,
  formatTailLine,
  intersectSubjects,
  isValidSubjectPattern,
  parseDuration,
  streamName,
  TailedEvent,
  tailEvents,
} from '../src';
import { partnerRegistered, publishAll } from './support/fixtures';

const repoRoot = resolve(__dirname, '../../..');

/** A needs event as the needs service would publish it (the tail does not care about payload shape). */
function needSubmitted(title: string): CloudEvent {
  const id = randomUUID();
  return {
    id: randomUUID(),
    source: '/bildungsraum/needs',
    type: 'needs.need.submitted.v1',
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: id,
    datacontenttype: 'application/json',
    data: { id, version: 1, title },
  };
}

describe('subject patterns', () => {
  it.each([
    ['>', 'needs.>', 'needs.>'],
    ['needs.>', 'needs.>', 'needs.>'],
    ['needs.need.submitted.v1', 'needs.>', 'needs.need.submitted.v1'],
    ['*.need.>', 'needs.>', 'needs.need.>'],
    ['*.*.withdrawn.v1', 'catalogue.>', 'catalogue.*.withdrawn.v1'],
    ['t1.>', 't1.needs.>', 't1.needs.>'],
  ])('%s ∩ %s = %s', (a, b, expected) => {
    expect(intersectSubjects(a, b)).toBe(expected);
    expect(intersectSubjects(b, a)).toBe(expected);
  });

  it.each([
    ['partners.>', 'needs.>'],
    ['needs', 'needs.>'],
    ['needs.need', 'needs.*.*'],
  ])('%s and %s share no subject', (a, b) => {
    expect(intersectSubjects(a, b)).toBeUndefined();
  });

  it('accepts well-formed patterns only', () => {
    expect(['>', 'needs.>', '*.need.*.v1', 'matching.match.proposed.v1'].every(isValidSubjectPattern)).toBe(true);
    expect(['', 'needs.', '>.needs', 'needs..x', 'a b', 'needs.>x'].some(isValidSubjectPattern)).toBe(false);
  });

  it('reads durations', () => {
    expect([parseDuration('90s'), parseDuration('15m'), parseDuration('2h'), parseDuration('7d'), parseDuration('500ms')]).toEqual([
      90_000, 900_000, 7_200_000, 604_800_000, 500,
    ]);
    expect(parseDuration('15')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
  });
});

describe('event tail', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('event-tail');
    nc = await connectNats({ url: infra.natsUrl, name: 'event-tail-test' });
    jsm = await jetstreamManager(nc);
    await ensureServiceStream(jsm, 'partners', infra.subjectPrefix);
    await ensureServiceStream(jsm, 'needs', infra.subjectPrefix);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const service of ['partners', 'needs'] as const) await jsm.streams.delete(streamName(service, infra.subjectPrefix)).catch(() => undefined);
    await drainNats(nc);
    await infra.dispose();
  });

  const consumerCount = async (service: 'partners' | 'needs') => (await jsm.streams.info(streamName(service, infra.subjectPrefix))).state.consumer_count;

  it('follows matching events of every stream, replays history on request and leaves no consumer behind', async () => {
    const earlier = needSubmitted('Staplerschein für zwei Lageristen');
    await publishAll(nc, infra.subjectPrefix, [earlier]);
    // Stored times have server clock resolution; a little distance keeps "since" unambiguous.
    await new Promise((done) => setTimeout(done, 50));
    const afterEarlier = new Date();
    await new Promise((done) => setTimeout(done, 50));

    const live: TailedEvent[] = [];
    const replayed: TailedEvent[] = [];
    const needsOnly: TailedEvent[] = [];
    const since: TailedEvent[] = [];
    const liveTail = await tailEvents(nc, { prefix: infra.subjectPrefix, onEvent: (event) => live.push(event) });
    const replayTail = await tailEvents(nc, { prefix: infra.subjectPrefix, start: { from: 'start' }, onEvent: (event) => replayed.push(event) });
    const needsTail = await tailEvents(nc, { prefix: infra.subjectPrefix, pattern: 'needs.>', onEvent: (event) => needsOnly.push(event) });
    const sinceTail = await tailEvents(nc, { prefix: infra.subjectPrefix, start: { from: 'time', since: afterEarlier }, onEvent: (event) => since.push(event) });
    expect(liveTail.streams.map((s) => s.stream).sort()).toEqual([streamName('needs', infra.subjectPrefix), streamName('partners', infra.subjectPrefix)]);
    expect(liveTail.missing).toHaveLength(4); // catalogue, matching, notifications, dead letters: not created in this test
    expect(needsTail.streams).toEqual([{ stream: streamName('needs', infra.subjectPrefix), filter: `${infra.subjectPrefix}.needs.>` }]);

    const need = needSubmitted('CNC-Grundkurs für vier Beschäftigte');
    const partner = partnerRegistered('Metallbau Korbach');
    await publishAll(nc, infra.subjectPrefix, [need, partner]);

    await eventually(() => live.length === 2 && replayed.length === 3 && needsOnly.length === 1 && since.length === 2);
    expect(since.map((event) => event.attributes.id).sort()).toEqual([need.id, partner.id].sort());
    expect(live.map((event) => event.attributes.id).sort()).toEqual([need.id, partner.id].sort());
    expect(replayed.map((event) => event.attributes.id)).toEqual(expect.arrayContaining([earlier.id, need.id, partner.id]));
    const [seen] = needsOnly;
    expect(seen).toMatchObject({
      subject: 'needs.need.submitted.v1',
      stream: streamName('needs', infra.subjectPrefix),
      attributes: { id: need.id, source: '/bildungsraum/needs', subject: need.subject, type: need.type },
      data: need.data,
    });
    expect(formatTailLine(seen)).toBe(
      `${seen.storedAt.toISOString()}  needs.need.submitted.v1  ${need.id}  subject=${need.subject}  source=/bildungsraum/needs  ${JSON.stringify(need.data)}`,
    );
    expect(JSON.parse(formatTailJson(seen))).toMatchObject({ id: need.id, type: need.type, specversion: '1.0', data: need.data, streamseq: seen.streamSeq });

    expect(await consumerCount('needs')).toBe(4);
    await Promise.all([liveTail.stop(), replayTail.stop(), needsTail.stop(), sinceTail.stop()]);
    await eventually(async () => (await consumerCount('needs')) === 0 && (await consumerCount('partners')) === 0);
  });

  it('rejects a malformed pattern', async () => {
    await expect(tailEvents(nc, { prefix: infra.subjectPrefix, pattern: 'needs.>.x', onEvent: () => undefined })).rejects.toThrow(/invalid subject pattern/);
  });

  it('npm run events:tail prints a published event as one line and stops cleanly on Ctrl-C', async () => {
    const child = spawn('node', ['-r', '@swc-node/register', 'tools/scripts/events-tail.ts', 'needs.>'], {
      cwd: repoRoot,
      env: { ...process.env, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix },
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    // It starts reading only at "now": wait until it listens, then publish.
    await eventually(() => stderr.includes('listening'), { timeoutMs: 60_000 });
    const need = needSubmitted('Schweißen MAG für Auszubildende');
    const other = partnerRegistered('Tischlerei Frankenberg');
    await publishAll(nc, infra.subjectPrefix, [other, need]);

    await eventually(() => stdout.includes(need.id));
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`needs.need.submitted.v1  ${need.id}  subject=${need.subject}  source=/bildungsraum/needs  {"id":"${need.subject}"`);
    expect(stdout).not.toContain(other.id);

    child.kill('SIGINT');
    await expect(exited).resolves.toBe(0);
    await eventually(async () => (await consumerCount('needs')) === 0);
  });
});
