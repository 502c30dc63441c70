import { NestExpressApplication } from '@nestjs/platform-express';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { bootstrapService, loadConfig, mintDevToken, Role } from '@bildungsraum/platform';
import { EventCapture, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { migrateMatching } from '../../src/db/migrate-matching';
import { MatchingConfig } from '../../src/matching.config';
import { matchingModule } from '../../src/matching.module';
import { matchingEventServer } from '../../src/matching-server';
import { MATCHING_DATA_SOURCE } from '../../src/shared/infra/matching-store';
import { PassedDateSweeper } from '../../src/matches/infra/passed-date-sweeper';

export interface MatchingHarness {
  app: NestExpressApplication;
  infra: TestInfrastructure;
  config: MatchingConfig;
  nats: NatsConnection;
  /** Publishes into the test's PARTNERS / NEEDS / CATALOGUE streams, as those services would. */
  publisher: JetStreamPublisher;
  /** Every matching.* event as it is published. */
  capture: EventCapture;
  clock: { now?: Date };
  http(): ReturnType<typeof request>;
  token(role: Role | Role[], partnerId: string): Promise<string>;
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  sweeper(): PassedDateSweeper;
  close(): Promise<void>;
}

/** Starts the real matching app (HTTP + event consumer) in-process against a fresh database and prefix. */
export async function startMatching(label: string, options: { taxonomy?: boolean; env?: Record<string, string>; infra?: TestInfrastructure } = {}): Promise<MatchingHarness> {
  // With `infra` given (a restart on the same database and streams), the caller disposes of it.
  const infra = options.infra ?? (await provisionTestInfrastructure(label));
  await migrateMatching(infra.databaseUrl, { taxonomy: options.taxonomy });
  const config = loadConfig(MatchingConfig, {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    PORT: '0',
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    PASSED_DATE_SWEEP_SECONDS: '0',
    ...options.env,
  });
  const nats = await connectNats({ url: config.NATS_URL, name: `matching-test-${label}` });
  const jsm = await jetstreamManager(nats);
  for (const service of ['partners', 'needs', 'catalogue'] as const) await ensureServiceStream(jsm, service, infra.subjectPrefix);
  const capture = new EventCapture(nats, infra.subjectPrefix, 'matching.>');
  const clock: { now?: Date } = {};
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await bootstrapService({
    appModule: matchingModule(config, { clock: () => clock.now ?? new Date() }),
    serviceName: 'matching',
    config,
    microservice: await matchingEventServer(config),
    // MATCHING_TEST_LOGS=1 shows the service's log lines (handler errors) while debugging a test.
    ...(process.env.MATCHING_TEST_LOGS ? {} : { logDestination: silent }),
  });
  const server = app.getHttpServer();
  return {
    app,
    infra,
    config,
    nats,
    capture,
    clock,
    publisher: new JetStreamPublisher(jetstream(nats), infra.subjectPrefix),
    http: () => request(server),
    token: (role, partnerId) => mintDevToken({ role, partnerId }, config),
    query: (sql, params) => app.get<typeof MATCHING_DATA_SOURCE, DataSource>(MATCHING_DATA_SOURCE).query(sql, params),
    sweeper: () => app.get(PassedDateSweeper),
    close: async () => {
      capture.stop();
      await app.close();
      await drainNats(nats);
      if (!options.infra) await infra.dispose();
    },
  };
}
