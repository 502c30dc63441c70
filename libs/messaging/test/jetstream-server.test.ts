import { Controller, INestApplication, Module, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { delay, of, tap } from 'rxjs';
import { EventCause, NetworkCreated, PartnerRegistered, PartnerRegisteredV1, PartnerUpdated, PartnerVerified } from '@bildungsraum/contracts';
import { currentCause } from '@bildungsraum/platform';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import {
  durableName,
  EVENT_PUBLISHER,
  JetStreamErrorFilter,
  JetStreamEventContext,
  JetStreamPublisher,
  connectNats,
  drainNats,
  JetStreamServer,
  listDeadLetters,
  MessagingModule,
  NATS_CONNECTION,
  streamName,
} from '../src';
import { deferred, partnerRegistered, silentLogger, when } from './support/fixtures';

const received: Array<{ data: unknown; context: JetStreamEventContext; cause: EventCause }> = [];
const slowGate = deferred();
let slowStarted = false;
let slowFinished = false;
const observed: string[] = [];

// Controller-level, because a hybrid app registers its listeners before `useGlobalFilters`.
@Controller()
@UseFilters(JetStreamErrorFilter)
class PartnerEventsController {
  @EventPattern(PartnerRegistered.type)
  async onRegistered(@Payload() data: PartnerRegisteredV1, @Ctx() context: JetStreamEventContext): Promise<void> {
    received.push({ data, context, cause: currentCause() });
  }

  // An Observable result is awaited too: the message is acked when it completes.
  @EventPattern(PartnerVerified.type)
  onVerified(@Payload() data: PartnerRegisteredV1) {
    return of(data.name).pipe(
      delay(5),
      tap((name) => observed.push(name)),
    );
  }

  @EventPattern(PartnerUpdated.type)
  async onUpdated(): Promise<void> {
    slowStarted = true;
    await slowGate.promise;
    slowFinished = true;
  }

  @EventPattern(NetworkCreated.type)
  onNetworkCreated(): Promise<void> {
    return Promise.reject(new Error('Verbund kann nicht gespeichert werden'));
  }
}

describe('JetStreamServer in a Nest app', () => {
  let infra: TestInfrastructure;
  let app: INestApplication;
  let nc: NatsConnection;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('jetstream-server');
    @Module({
      imports: [
        MessagingModule.forRoot({ url: infra.natsUrl, connectionName: 'nest-test', subjectPrefix: infra.subjectPrefix, produces: 'partners' }),
      ],
      controllers: [PartnerEventsController],
    })
    class AppModule {}

    app = await NestFactory.create(AppModule, { logger: false });
    nc = app.get<NatsConnection>(NATS_CONNECTION);
    app.connectMicroservice({
      strategy: new JetStreamServer({
        connection: () => app.get<NatsConnection>(NATS_CONNECTION),
        consumerName: 'nesttest',
        subjectPrefix: infra.subjectPrefix,
        maxDeliver: 2,
        backoffMs: 10,
        ackWaitMs: 2_000,
        logger: silentLogger,
      }),
    });
    await app.init();
    await app.startAllMicroservices();
  });
  afterAll(async () => {
    if (!closed) await app?.close();
    await infra.dispose();
  });
  let closed = false;

  it('provisions the produced stream, the dead-letter stream and one durable consumer per stream', async () => {
    const jsm = await jetstreamManager(nc);
    await expect(jsm.streams.info(streamName('partners', infra.subjectPrefix))).resolves.toBeDefined();
    await expect(jsm.streams.info(`${infra.subjectPrefix}_DEADLETTER`)).resolves.toBeDefined();
    const consumers = await jsm.consumers.list(streamName('partners', infra.subjectPrefix)).next();
    expect(consumers.map((consumer) => consumer.name)).toEqual([durableName('nesttest', 'partners', infra.subjectPrefix)]);
  });

  it('calls the @EventPattern handler with the validated payload and a JetStreamEventContext', async () => {
    const event = partnerRegistered('Zimmerei Rotenburg');
    await app.get<JetStreamPublisher>(EVENT_PUBLISHER).publish(event);

    const [{ data, context, cause }] = await eventually(() => when(received, (all) => all.length === 1));
    expect(data).toBeInstanceOf(PartnerRegisteredV1);
    expect(data).toMatchObject({ name: 'Zimmerei Rotenburg', districtKeys: ['06635'] });
    expect(context).toBeInstanceOf(JetStreamEventContext);
    expect(context.deliveryCount).toBe(1);
    expect(context.event).toMatchObject({ id: event.id, type: PartnerRegistered.type, correlationid: event.correlationid, subject: event.subject });
    // Events the handler writes continue the incoming event's chain.
    expect(cause).toEqual({ correlationId: event.correlationid, causationId: event.id });
  });

  it('awaits an Observable result and parks a rejected event with the original error', async () => {
    const publisher = app.get<JetStreamPublisher>(EVENT_PUBLISHER);
    await publisher.publish({ ...partnerRegistered('Malerbetrieb Bebra'), type: PartnerVerified.type });
    const network = partnerRegistered('unbenutzt');
    await publisher.publish({ ...network, type: NetworkCreated.type, data: { id: network.subject, version: 1, name: 'Verbund Werra-Meißner', districtKeys: ['06636'], members: [] } });

    await eventually(() => observed.includes('Malerbetrieb Bebra'));
    const [letter] = await eventually(async () => when(await listDeadLetters(nc, infra.subjectPrefix, { consumer: 'nesttest' }), (found) => found.length === 1));
    expect(letter).toMatchObject({ eventType: NetworkCreated.type, attempts: 2, error: 'Error: Verbund kann nicht gespeichert werden' });
  });

  it('lets a running handler finish and ack before the connection is drained on close', async () => {
    await app.get<JetStreamPublisher>(EVENT_PUBLISHER).publish({ ...partnerRegistered('Spät fertig OHG'), type: PartnerUpdated.type });
    await eventually(() => slowStarted);

    const closing = app.close();
    closed = true;
    slowGate.resolve();
    await closing;
    expect(slowFinished).toBe(true);
    expect(nc.isClosed()).toBe(true);

    const observer = await connectNats({ url: infra.natsUrl, name: 'jetstream-server-observer' });
    try {
      const info = await (await jetstreamManager(observer)).consumers.info(streamName('partners', infra.subjectPrefix), durableName('nesttest', 'partners', infra.subjectPrefix));
      expect(info.num_ack_pending).toBe(0);
      expect(info.num_pending).toBe(0);
    } finally {
      await drainNats(observer);
    }
  });
});
