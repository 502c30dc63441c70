import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { PartnerRegistered } from '@bildungsraum/contracts';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { ConsumerRunner, connectNats, drainNats, durableName, ensureServiceStream, streamName } from '../src';
import { partnerRegistered, publishAll, silentLogger } from './support/fixtures';

const repoRoot = resolve(__dirname, '../../..');

/**
 * A replica killed with SIGKILL in the middle of a handler has acked nothing: JetStream
 * redelivers the message after ack_wait, and the next replica applies it.
 */
describe('crash recovery', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  let replica: ChildProcess | undefined;
  let runner: ConsumerRunner | undefined;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('crash-recovery');
    nc = await connectNats({ url: infra.natsUrl, name: 'crash-recovery-test' });
    await ensureServiceStream(await jetstreamManager(nc), 'partners', infra.subjectPrefix);
  });
  afterAll(async () => {
    replica?.kill('SIGKILL');
    await runner?.stop();
    await (await jetstreamManager(nc)).streams.delete(streamName('partners', infra.subjectPrefix));
    await drainNats(nc);
    await infra.dispose();
  });

  it('redelivers the message a SIGKILLed replica was handling, and it is applied once', async () => {
    let output = '';
    replica = spawn('node', ['-r', '@swc-node/register', 'libs/messaging/test/fixtures/consumer-process.ts'], {
      cwd: repoRoot,
      env: { ...process.env, NATS_URL: infra.natsUrl, PREFIX: infra.subjectPrefix, CONSUMER: 'crash' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    replica.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => output.includes('ready'), { timeoutMs: 30_000 });

    const event = partnerRegistered('Abgestürzt & Wiederauferstanden GmbH');
    await publishAll(nc, infra.subjectPrefix, [event]);
    await eventually(() => output.includes(`started ${event.id} 1`));
    const exited = new Promise((done) => replica?.once('exit', done));
    replica.kill('SIGKILL');
    await exited;

    const applied: Array<{ id: string; deliveryCount: number }> = [];
    runner = new ConsumerRunner({
      connection: nc,
      consumerName: 'crash',
      service: 'partners',
      eventTypes: [PartnerRegistered.type],
      subjectPrefix: infra.subjectPrefix,
      ackWaitMs: 1_000,
      logger: silentLogger,
      handler: async (received, { deliveryCount }) => {
        applied.push({ id: received.id, deliveryCount });
      },
    });
    await runner.start();
    await eventually(() => applied.length === 1, { timeoutMs: 10_000 });
    expect(applied).toEqual([{ id: event.id, deliveryCount: 2 }]);
    const info = await eventually(async () => {
      const current = await (await jetstreamManager(nc)).consumers.info(streamName('partners', infra.subjectPrefix), durableName('crash', 'partners', infra.subjectPrefix));
      if (current.num_ack_pending !== 0) throw new Error('ack pending');
      return current;
    });
    expect(info.ack_floor.stream_seq).toBe(1);
  });
});
