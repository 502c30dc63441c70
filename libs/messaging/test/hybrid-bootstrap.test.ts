import { Writable } from 'node:stream';
import { Controller, INestApplication, Module } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NatsConnection } from '@nats-io/nats-core';
import { PartnerRegistered, PartnerRegisteredV1, PartnerVerified } from '@bildungsraum/contracts';
import { bootstrapService, loadConfig, ServiceConfig } from '@bildungsraum/platform';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { connectNats, EVENT_PUBLISHER, JetStreamEventContext, JetStreamPublisher, JetStreamServer, listDeadLetters, MessagingModule } from '../src';
import { partnerRegistered, silentLogger, when } from './support/fixtures';

const handled: Array<{ name: string; eventId: string }> = [];

@Controller()
class Projection {
  @EventPattern(PartnerRegistered.type)
  onRegistered(@Payload() data: PartnerRegisteredV1, @Ctx() context: JetStreamEventContext): void {
    handled.push({ name: data.name, eventId: context.event.id });
  }

  @EventPattern(PartnerVerified.type)
  onVerified(): void {
    throw new Error('Projektion nicht verfügbar');
  }
}

/**
 * The way services run: platform's bootstrapService builds the hybrid app (its global filter,
 * guards and pipe are inherited by the consumer) with JetStreamServer as the event transport.
 */
describe('JetStreamServer under bootstrapService', () => {
  let infra: TestInfrastructure;
  let consumerConnection: NatsConnection;
  let app: INestApplication;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('hybrid-bootstrap');
    const config = loadConfig(ServiceConfig, { PORT: '0', DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl });
    @Module({
      imports: [MessagingModule.forRoot({ url: infra.natsUrl, connectionName: 'hybrid-test', subjectPrefix: infra.subjectPrefix, produces: 'partners' })],
      controllers: [Projection],
    })
    class ProjectionModule {}
    // bootstrapService takes the strategy before the app (and its NATS_CONNECTION) exists.
    consumerConnection = await connectNats({ url: infra.natsUrl, name: 'hybrid-test-consumer' });
    app = await bootstrapService({
      appModule: ProjectionModule,
      serviceName: 'hybrid-test',
      config,
      microservice: new JetStreamServer({
        connection: consumerConnection,
        consumerName: 'projection',
        subjectPrefix: infra.subjectPrefix,
        maxDeliver: 2,
        backoffMs: 10,
        ackWaitMs: 2_000,
        logger: silentLogger,
        drainOnClose: true,
      }),
      logDestination: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await infra.dispose();
  });

  it('delivers events to @EventPattern handlers past the HTTP guards and pipe', async () => {
    const event = partnerRegistered('Orthopädietechnik Melsungen');
    await app.get<JetStreamPublisher>(EVENT_PUBLISHER).publish(event);
    await eventually(() => when(handled, (all) => all.length === 1));
    expect(handled).toEqual([{ name: 'Orthopädietechnik Melsungen', eventId: event.id }]);
  });

  it('parks a failing event with the handler\'s own error (the platform filter passes it through)', async () => {
    await app.get<JetStreamPublisher>(EVENT_PUBLISHER).publish({ ...partnerRegistered('Fehlerhaft'), type: PartnerVerified.type });
    const [letter] = await eventually(async () => when(await listDeadLetters(consumerConnection, infra.subjectPrefix), (found) => found.length === 1));
    expect(letter).toMatchObject({ consumer: 'projection', attempts: 2, error: 'Error: Projektion nicht verfügbar' });
  });

  it('drains the consumer\'s own connection when the app closes', async () => {
    await app.close();
    expect(consumerConnection.isClosed()).toBe(true);
  });
});
