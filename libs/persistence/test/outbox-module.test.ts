import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { OUTBOX_RELAY, OutboxModule, OutboxRelay } from '../src';
import { commitEvents, migratedDataSource, NatsSide, natsSide, pendingCount, SCHEMA, storedEventIds, testEvent } from './support/outbox-fixture';

const PUBLISHER = Symbol('PUBLISHER');

describe('OutboxModule: the relay runs for the application’s lifetime', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  let nats: NatsSide;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('outboxmodule');
    dataSource = await migratedDataSource(infra.databaseUrl);
    nats = await natsSide(infra.natsUrl, infra.subjectPrefix, 'outbox-module-test');
  });
  afterAll(async () => {
    await nats.jsm.streams.delete(nats.stream);
    await nats.close();
    await dataSource.destroy();
    await infra.dispose();
  });

  function appModule(enabled: boolean) {
    @Global()
    @Module({
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: PUBLISHER, useValue: nats.publisher },
      ],
      exports: [DataSource, PUBLISHER],
    })
    class InfrastructureModule {}

    @Module({ imports: [InfrastructureModule, OutboxModule.forService({ schema: SCHEMA, publisherToken: PUBLISHER, enabled: () => enabled })] })
    class AppModule {}
    return AppModule;
  }

  it('starts the relay on bootstrap and stops it on close', async () => {
    const app = await NestFactory.createApplicationContext(appModule(true), { logger: false });
    await app.init();
    const relay = app.get<OutboxRelay>(OUTBOX_RELAY);
    expect(relay.isRunning).toBe(true);
    const event = testEvent(1);
    await commitEvents(dataSource, [event]);
    await eventually(async () => (await pendingCount(dataSource)) === 0);
    expect(await storedEventIds(nats.jsm, nats.stream)).toContain(event.id);

    await app.close();
    expect(relay.isRunning).toBe(false);
  });

  it('leaves relaying to other replicas when disabled', async () => {
    const app = await NestFactory.createApplicationContext(appModule(false), { logger: false });
    await app.init();
    expect(app.get<OutboxRelay>(OUTBOX_RELAY).isRunning).toBe(false);
    await app.close();
  });
});
