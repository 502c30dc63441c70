import { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, createEvent, EventDefinition, PartnerSnapshotV1, PartnerVerified, prefixedName, NetworkCreated } from '@bildungsraum/contracts';
import { connectNats, drainNats, JetStreamPublisher } from '@bildungsraum/messaging';
import { bootstrapService, loadConfig, mintDevToken, Role } from '@bildungsraum/platform';
import { eventually, provisionTestInfrastructure, readStream, TestInfrastructure } from '@bildungsraum/testing';
import { migrateNotifications, NOTIFICATIONS_DATA_SOURCE } from '../../src/db/notifications-data-source';
import { NotificationsConfig } from '../../src/notifications.config';
import { notificationsModule } from '../../src/notifications.module';
import { notificationsEventServer } from '../../src/notifications-server';

export interface NotificationsHarness {
  app: NestExpressApplication;
  infra: TestInfrastructure;
  config: NotificationsConfig;
  nats: NatsConnection;
  publisher: JetStreamPublisher;
  http(): ReturnType<typeof request>;
  token(role: Role | Role[], partnerId: string): Promise<string>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Publishes an event as its producer would and returns it. */
  publish<T extends object>(definition: EventDefinition<T>, subject: string, data: T): Promise<CloudEvent<T>>;
  /** A verified organisation in the read model (waits until the service has it). */
  partner(kind: PartnerSnapshotV1['kind'], districtKeys?: string[], networkIds?: string[]): Promise<string>;
  network(districtKeys: string[], coordinators: string[]): Promise<string>;
  streamEvents(stream?: string): Promise<CloudEvent[]>;
  close(): Promise<void>;
}

/** Environment shared by in-process and child-process runs of the service under test. */
export function testEnvironment(infra: TestInfrastructure, smtpUrl: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    PORT: '0',
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    HTTP_BODY_LIMIT: '16kb',
    SMTP_URL: smtpUrl,
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    DELIVERY_RETRY_SCHEDULE_MS: '100,200,400',
    DELIVERY_POLL_MS: '50',
    ...overrides,
  };
}

/** Starts the real notifications app (HTTP + consumer + worker) against a fresh database and prefix. */
export async function startNotifications(label: string, smtpUrl: string, overrides: Record<string, string> = {}, existing?: TestInfrastructure): Promise<NotificationsHarness> {
  const infra = existing ?? (await provisionTestInfrastructure(label));
  await migrateNotifications(infra.databaseUrl);
  const config = loadConfig(NotificationsConfig, testEnvironment(infra, smtpUrl, overrides));
  const nats = await connectNats({ url: config.NATS_URL, name: `notifications-test-${label}` });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await bootstrapService({ appModule: notificationsModule(config), serviceName: 'notifications', config, microservice: await notificationsEventServer(config), logDestination: silent });
  const server = app.getHttpServer();
  const publisher = new JetStreamPublisher(jetstream(nats), infra.subjectPrefix);
  const query = <T>(sql: string, params?: unknown[]) => app.get<symbol, DataSource>(NOTIFICATIONS_DATA_SOURCE).query(sql, params) as Promise<T[]>;
  const publish = async <T extends object>(definition: EventDefinition<T>, subject: string, data: T) => {
    const event = createEvent(definition, subject, data);
    await publisher.publish(event);
    return event;
  };
  return {
    app,
    infra,
    config,
    nats,
    publisher,
    http: () => request(server),
    token: (role, partnerId) => mintDevToken({ role, partnerId }, config),
    query,
    publish,
    partner: async (kind, districtKeys = ['06635'], networkIds = []) => {
      const id = randomUUID();
      await publish(PartnerVerified, id, { id, version: 1, kind, name: `${kind} ${id.slice(0, 8)}`, status: 'verified', sites: [], districtKeys, networkIds });
      await eventually(async () => (await query(`SELECT 1 FROM recipient WHERE id = $1`, [id])).length === 1);
      return id;
    },
    network: async (districtKeys, coordinators) => {
      const id = randomUUID();
      await publish(NetworkCreated, id, { id, version: 1, name: `Verbund ${id.slice(0, 8)}`, districtKeys, members: coordinators.map((partnerId) => ({ partnerId, role: 'coordinator' as const })) });
      await eventually(async () => (await query(`SELECT 1 FROM network WHERE id = $1`, [id])).length === 1);
      return id;
    },
    streamEvents: (stream = 'NOTIFICATIONS') => readStream(nats, prefixedName(stream, infra.subjectPrefix)),
    close: async () => {
      await app.close();
      const jsm = await jetstreamManager(nats);
      for (const name of ['PARTNERS', 'NEEDS', 'CATALOGUE', 'MATCHING', 'NOTIFICATIONS', 'DEADLETTER']) await jsm.streams.delete(prefixedName(name, infra.subjectPrefix)).catch(() => false);
      await drainNats(nats);
      if (!existing) await infra.dispose();
    },
  };
}
