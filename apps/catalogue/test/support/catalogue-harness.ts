import { NestExpressApplication } from '@nestjs/platform-express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { CloudEvent, prefixedName, prefixedSubject, toHeaders } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher, JetStreamServer } from '@bildungsraum/messaging';
import { bootstrapService, loadConfig, mintDevToken, Role } from '@bildungsraum/platform';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { CatalogueConfig } from '../../src/catalogue.config';
import { catalogueModule } from '../../src/catalogue.module';
import { migrateCatalogue } from '../../src/db/migrate-catalogue';
import { CATALOGUE_CONSUMER } from '../../src/offers/events/seat-holds.handler';
import { CATALOGUE_DATA_SOURCE } from '../../src/shared/infra/catalogue-store';
import { readStream } from '@bildungsraum/testing';

export interface CatalogueHarness {
  app: NestExpressApplication;
  infra: TestInfrastructure;
  config: CatalogueConfig;
  nats: NatsConnection;
  http(): ReturnType<typeof request>;
  token(role: Role | Role[], partnerId: string): Promise<string>;
  /** Publishes an event into the test's own stream of its producer (partners.*, matching.*). */
  publish(event: CloudEvent, options?: { msgId?: string }): Promise<void>;
  /** Every event stored in the prefixed CATALOGUE stream, in stream order. */
  streamEvents(): Promise<CloudEvent[]>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Starts the real catalogue app (HTTP and event consumer) against a fresh database and subject prefix. */
export async function startCatalogue(label: string, overrides: Record<string, string> = {}, options: { taxonomy?: boolean } = {}): Promise<CatalogueHarness> {
  const infra = await provisionTestInfrastructure(label);
  await migrateCatalogue(infra.databaseUrl, { taxonomy: options.taxonomy });
  const config = loadConfig(CatalogueConfig, {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    PORT: '0',
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    HTTP_BODY_LIMIT: '64kb',
    RATE_LIMIT_ENABLED: 'false',
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
  const nats = await connectNats({ url: config.NATS_URL, name: `catalogue-test-${label}` });
  const jsm = await jetstreamManager(nats);
  for (const service of ['partners', 'matching'] as const) await ensureServiceStream(jsm, service, infra.subjectPrefix);
  const consumerConnection = await connectNats({ url: config.NATS_URL, name: `catalogue-test-consumer-${label}` });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await bootstrapService({
    appModule: catalogueModule(config),
    serviceName: 'catalogue',
    config,
    logDestination: silent,
    microservice: new JetStreamServer({
      connection: consumerConnection,
      consumerName: CATALOGUE_CONSUMER,
      subjectPrefix: infra.subjectPrefix,
      drainOnClose: true,
      backoffMs: 50,
      ackWaitMs: 5_000,
    }),
  });
  const publisher = new JetStreamPublisher(jetstream(nats), infra.subjectPrefix);
  const server = app.getHttpServer();
  const database = app.get<DataSource>(CATALOGUE_DATA_SOURCE);
  return {
    app,
    infra,
    config,
    nats,
    http: () => request(server),
    token: (role, partnerId) => mintDevToken({ role, partnerId }, config),
    publish: async (event, options) => {
      if (!options?.msgId) {
        await publisher.publish(event);
        return;
      }
      // Same event under another Nats-Msg-Id: what a redelivery after the duplicate window looks like.
      const { data, ...attributes } = event;
      const headers = natsHeaders();
      for (const [name, value] of Object.entries(toHeaders(attributes))) headers.set(name, value);
      await jetstream(nats).publish(prefixedSubject(event.type, infra.subjectPrefix), JSON.stringify(data), { msgID: options.msgId, headers });
    },
    streamEvents: () => readStream(nats, prefixedName('CATALOGUE', infra.subjectPrefix)),
    sql: async <T>(text: string, params?: unknown[]) => (await database.query(text, params)) as T[],
    close: async () => {
      await app.close();
      await drainNats(nats);
      await infra.dispose();
    },
  };
}
