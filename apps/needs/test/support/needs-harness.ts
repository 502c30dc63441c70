import { NestExpressApplication } from '@nestjs/platform-express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, prefixedName } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { bootstrapService, loadConfig, mintDevToken, Role } from '@bildungsraum/platform';
import { provisionTestInfrastructure, readStream, TestInfrastructure } from '@bildungsraum/testing';
import { migrateNeeds } from '../../src/db/migrate-needs';
import { ExpirySweeper } from '../../src/needs/expiry/expiry-sweeper';
import { ImportProcessor } from '../../src/imports/infra/import-processor';
import { NeedsConfig } from '../../src/needs.config';
import { NEEDS_DATA_SOURCE } from '../../src/shared/infra/needs-store';
import { needsModule } from '../../src/needs.module';
import { needsEventServer } from '../../src/needs-server';
import { csvUploadRoute } from '../../src/imports/commands/csv-upload.route';

export interface NeedsHarness {
  app: NestExpressApplication;
  infra: TestInfrastructure;
  config: NeedsConfig;
  nats: NatsConnection;
  /** Publishes into the test's PARTNERS / MATCHING streams, as those services would. */
  publisher: JetStreamPublisher;
  /** The harness clock: real time until a test sets `now` (to expire needs). */
  clock: { now?: Date };
  http(): ReturnType<typeof request>;
  token(role: Role | Role[], partnerId: string): Promise<string>;
  streamEvents(stream?: string): Promise<CloudEvent[]>;
  /** SQL against the service's own database (assertions only). */
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  sweeper(): ExpirySweeper;
  imports(): ImportProcessor;
  close(): Promise<void>;
}

/** Starts the real needs app (HTTP + event consumer) in-process against a fresh database and prefix. */
export async function startNeeds(label: string, overrides: Record<string, string> = {}): Promise<NeedsHarness> {
  const infra = await provisionTestInfrastructure(label);
  await migrateNeeds(infra.databaseUrl);
  const config = loadConfig(NeedsConfig, {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    PORT: '0',
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    EXPIRY_SWEEP_SECONDS: '0',
    ...overrides,
  });
  const nats = await connectNats({ url: config.NATS_URL, name: `needs-test-${label}` });
  const jsm = await jetstreamManager(nats);
  for (const service of ['partners', 'matching'] as const) await ensureServiceStream(jsm, service, infra.subjectPrefix);
  const clock: { now?: Date } = {};
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await bootstrapService({
    appModule: needsModule(config, { clock: () => clock.now ?? new Date() }),
    serviceName: 'needs',
    config,
    microservice: await needsEventServer(config),
    logDestination: silent,
    rawBodyRoutes: [csvUploadRoute],
  });
  const server = app.getHttpServer();
  return {
    app,
    infra,
    config,
    nats,
    clock,
    publisher: new JetStreamPublisher(jetstream(nats), infra.subjectPrefix),
    http: () => request(server),
    token: (role, partnerId) => mintDevToken({ role, partnerId }, config),
    streamEvents: (stream = 'NEEDS') => readStream(nats, prefixedName(stream, infra.subjectPrefix)),
    query: (sql, params) => app.get<typeof NEEDS_DATA_SOURCE, DataSource>(NEEDS_DATA_SOURCE).query(sql, params),
    sweeper: () => app.get(ExpirySweeper),
    imports: () => app.get(ImportProcessor),
    close: async () => {
      await app.close();
      await drainNats(nats);
      await infra.dispose();
    },
  };
}

