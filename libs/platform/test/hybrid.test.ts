import { Writable } from 'node:stream';
import { Controller, Module } from '@nestjs/common';
import { Ctx, CustomTransportStrategy, EventPattern, Payload, Server } from '@nestjs/microservices';
import { IsString } from 'class-validator';
import { lastValueFrom } from 'rxjs';
import request from 'supertest';
import { bootstrapService, currentCause, loadConfig, runWithCause, ServiceConfig } from '../src';

class DeliveryContext {
  constructor(readonly eventId: string) {}
}

/**
 * An in-process transport: delivers an event the way the JetStream strategy will – inside
 * runWithCause with the incoming event's ids – so the test sees what the platform's global
 * guards, pipe and filter do to event handlers in a hybrid app.
 */
class InProcessTransport extends Server implements CustomTransportStrategy {
  listening = false;
  listen(callback: () => void): void {
    this.listening = true;
    callback();
  }
  close(): void {
    this.listening = false;
  }
  on(): void {}
  unwrap<T>(): T {
    throw new Error('nothing to unwrap');
  }
  deliver(pattern: string, data: unknown, eventId: string, correlationId: string): Promise<unknown> {
    return runWithCause({ correlationId, causationId: eventId }, () => this.deliverBare(pattern, data, eventId));
  }
  /** Without runWithCause, as a transport that does not set the context would. */
  async deliverBare(pattern: string, data: unknown, eventId: string): Promise<unknown> {
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) throw new Error(`no handler for ${pattern}`);
    return lastValueFrom(this.transformToObservable(await handler(data, new DeliveryContext(eventId))), { defaultValue: undefined });
  }
}

/** Decorated like the catalogue's payload classes, which is what would make a global pipe bite. */
class NeedPayload {
  @IsString()
  needId!: string;
}

const handled: unknown[] = [];

@Controller()
class Consumer {
  @EventPattern('needs.need.submitted.v1')
  submitted(@Payload() data: NeedPayload, @Ctx() context: DeliveryContext): void {
    handled.push({ data, eventId: context.eventId, cause: currentCause() });
  }

  @EventPattern('needs.need.broken.v1')
  broken(): void {
    throw new Error('handler failed');
  }
}

@Module({ controllers: [Consumer] })
class ConsumerModule {}

describe('hybrid app: HTTP plus an event consumer', () => {
  const transport = new InProcessTransport();
  let close: () => Promise<void>;
  let server: unknown;

  beforeAll(async () => {
    const config = loadConfig(ServiceConfig, { PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1/postgres', NATS_URL: 'nats://127.0.0.1:4222' });
    const app = await bootstrapService({
      appModule: ConsumerModule,
      serviceName: 'hybrid-test',
      config,
      microservice: transport,
      logDestination: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    });
    server = app.getHttpServer();
    close = () => app.close();
  });
  afterAll(() => close());

  it('starts the consumer and serves HTTP', async () => {
    expect(transport.listening).toBe(true);
    expect((await request(server as Parameters<typeof request>[0]).get('/metrics')).status).toBe(200);
  });

  it('runs event handlers without the HTTP guards or validation, inside the incoming cause', async () => {
    await transport.deliver('needs.need.submitted.v1', { needId: 'n-1', extra: true }, 'evt-7', 'corr-7');
    expect(handled).toEqual([{ data: { needId: 'n-1', extra: true }, eventId: 'evt-7', cause: { correlationId: 'corr-7', causationId: 'evt-7' } }]);
  });

  it('does not apply HTTP validation to events even without a context (consumers tolerate added fields)', async () => {
    handled.length = 0;
    await transport.deliverBare('needs.need.submitted.v1', { needId: 'n-2', addedInV1_1: 'x' }, 'evt-9');
    expect(handled).toEqual([expect.objectContaining({ data: { needId: 'n-2', addedInV1_1: 'x' }, eventId: 'evt-9' })]);
  });

  it('lets handler errors reach the transport so it can retry', async () => {
    await expect(transport.deliver('needs.need.broken.v1', {}, 'evt-8', 'corr-8')).rejects.toThrow('handler failed');
  });

  it('stops the consumer on shutdown', async () => {
    await close();
    expect(transport.listening).toBe(false);
    close = async () => undefined;
  });
});
