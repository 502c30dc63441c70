import { dirname, join } from 'node:path';
import { NatsConnection } from '@nats-io/nats-core';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { connectNats, drainNats } from '../src';

// nats-core's own errors module (the one its request code builds errors from), by file path:
// the package exports it only through `./internal`, which re-exports read-only getters.
type ErrorClass = new (message?: string, options?: ErrorOptions) => Error;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const errorsModule = require(join(dirname(require.resolve('@nats-io/nats-core/internal')), 'errors.js')) as { RequestError: ErrorClass; TimeoutError: ErrorClass };

describe('requests over NATS (connectNats)', () => {
  let infra: TestInfrastructure;
  let nc: NatsConnection;
  const subject = (name: string) => `${infra.subjectPrefix}.request-reply.${name}`;
  const pending = () => (nc as unknown as { protocol: { muxSubscriptions: { size(): number } } }).protocol.muxSubscriptions.size();

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('requestreply');
    nc = await connectNats({ url: infra.natsUrl, name: 'request-reply-test', waitOnFirstConnect: true });
  });
  afterAll(async () => {
    await drainNats(nc);
    await infra.dispose();
  });

  it('resolves each request with its reply and builds no error for it', async () => {
    const echo = nc.subscribe(subject('echo'), { callback: (_error, msg) => void msg.respond(msg.data) });
    const Original = errorsModule.RequestError;
    let built = 0;
    errorsModule.RequestError = class extends Original {
      constructor(message?: string, options?: ErrorOptions) {
        super(message, options);
        built += 1;
      }
    };
    try {
      const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => nc.request(subject('echo'), `Bedarf ${i}`, { timeout: 2_000 })));
      expect(replies.map((reply) => reply.string())).toEqual(Array.from({ length: 20 }, (_, i) => `Bedarf ${i}`));
      expect(built).toBe(0);
      expect(pending()).toBe(0);
    } finally {
      errorsModule.RequestError = Original;
      echo.unsubscribe();
    }
  });

  it('still rejects a request nobody answers, and one that times out', async () => {
    await expect(nc.request(subject('nobody'), 'x', { timeout: 2_000 })).rejects.toThrow(/no responders/i);
    const silent = nc.subscribe(subject('silent'), { callback: () => undefined });
    await nc.flush();
    try {
      await expect(nc.request(subject('silent'), 'x', { timeout: 200 })).rejects.toBeInstanceOf(errorsModule.TimeoutError);
    } finally {
      silent.unsubscribe();
    }
    expect(pending()).toBe(0);
  });
});
