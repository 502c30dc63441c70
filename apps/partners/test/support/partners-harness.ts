import { NestExpressApplication } from '@nestjs/platform-express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, fromHeaders, prefixedName } from '@bildungsraum/contracts';
import { connectNats, drainNats } from '@bildungsraum/messaging';
import { bootstrapService, loadConfig, mintDevToken, Role } from '@bildungsraum/platform';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { migratePartners } from '../../src/db/migrate-partners';
import { PartnersConfig } from '../../src/partners.config';
import { partnersModule } from '../../src/partners.module';

export interface PartnersHarness {
  app: NestExpressApplication;
  infra: TestInfrastructure;
  config: PartnersConfig;
  /** A NATS connection of the test's own, to read the stream. */
  nats: NatsConnection;
  http(): ReturnType<typeof request>;
  token(role: Role | Role[], partnerId: string): Promise<string>;
  /** Every event stored in the prefixed PARTNERS stream, in stream order. */
  streamEvents(): Promise<CloudEvent[]>;
  close(): Promise<void>;
}

/** Starts the real partners app in-process against a fresh database and subject prefix. */
export async function startPartners(label: string, overrides: Record<string, string> = {}): Promise<PartnersHarness> {
  const infra = await provisionTestInfrastructure(label);
  await migratePartners(infra.databaseUrl);
  const config = loadConfig(PartnersConfig, {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    PORT: '0',
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    HTTP_BODY_LIMIT: '64kb',
    RATE_LIMIT_ENABLED: 'false',
    ...overrides,
  });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await bootstrapService({ appModule: partnersModule(config), serviceName: 'partners', config, logDestination: silent });
  const nats = await connectNats({ url: config.NATS_URL, name: `partners-test-${label}` });
  const server = app.getHttpServer();
  return {
    app,
    infra,
    config,
    nats,
    http: () => request(server),
    token: (role, partnerId) => mintDevToken({ role, partnerId }, config),
    streamEvents: () => readStream(nats, prefixedName('PARTNERS', infra.subjectPrefix)),
    close: async () => {
      await app.close();
      // The test's streams would otherwise stay on the shared server for a year (max_age).
      const jsm = await jetstreamManager(nats);
      for (const name of ['PARTNERS', 'DEADLETTER']) await jsm.streams.delete(prefixedName(name, config.BILDUNGSRAUM_SUBJECT_PREFIX)).catch(() => false);
      await drainNats(nats);
      await infra.dispose();
    },
  };
}

export async function readStream(nats: NatsConnection, stream: string): Promise<CloudEvent[]> {
  const jsm = await jetstreamManager(nats);
  const info = await jsm.streams.info(stream);
  const events: CloudEvent[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (!message) continue;
    const { attributes } = fromHeaders((name) => message.header.get(name) || undefined);
    events.push({ ...(attributes as CloudEvent), data: message.json() });
  }
  return events;
}
