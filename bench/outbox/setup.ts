import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, JetStreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { createOutboxAndInboxTables, createServiceDataSource, dropOutboxAndInboxTables, runMigrations } from '@bildungsraum/persistence';
import { provisionTestInfrastructure } from '@bildungsraum/testing';

export const SCHEMA = 'bench';

class CreateOutbox1700000000000 implements MigrationInterface {
  name = 'CreateOutbox1700000000000';
  up = (queryRunner: QueryRunner) => createOutboxAndInboxTables(queryRunner, SCHEMA);
  down = (queryRunner: QueryRunner) => dropOutboxAndInboxTables(queryRunner, SCHEMA);
}

export interface BenchEnvironment {
  dataSource: DataSource;
  nc: NatsConnection;
  jsm: JetStreamManager;
  stream: string;
  publisher: JetStreamPublisher;
  prefix: string;
  dispose(): Promise<void>;
}

/** A database and subject prefix of its own (dropped afterwards), the outbox migrated, the stream ensured. */
export async function setUp(): Promise<BenchEnvironment> {
  process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.NATS_URL ||= 'nats://127.0.0.1:4222';
  const infra = await provisionTestInfrastructure('benchoutbox');
  const dataSource = createServiceDataSource({
    url: infra.databaseUrl,
    schema: SCHEMA,
    entities: [],
    migrations: [CreateOutbox1700000000000],
    poolSize: 20,
    applicationName: 'bench-outbox',
  });
  await runMigrations(dataSource);
  const nc = await connectNats({ url: infra.natsUrl, name: 'bench-outbox', waitOnFirstConnect: true });
  const jsm = await jetstreamManager(nc);
  const stream = await ensureServiceStream(jsm, 'partners', infra.subjectPrefix);
  const publisher = new JetStreamPublisher(jetstream(nc), infra.subjectPrefix);
  return {
    dataSource,
    nc,
    jsm,
    stream,
    publisher,
    prefix: infra.subjectPrefix,
    dispose: async () => {
      await jsm.streams.delete(stream).catch(() => undefined);
      await drainNats(nc);
      await dataSource.destroy();
      await infra.dispose();
    },
  };
}

/** A realistic envelope with a small payload (~200 bytes of JSON). */
export function benchEvent(n: number): CloudEvent<{ n: number; name: string; districtKeys: string[] }> {
  const id = randomUUID();
  return {
    id,
    source: '/bildungsraum/partners',
    type: 'partners.bench.happened.v1',
    specversion: '1.0',
    time: new Date().toISOString(),
    subject: id,
    datacontenttype: 'application/json',
    correlationid: id,
    data: { n, name: 'Metallbau Korbach GmbH', districtKeys: ['06635', '06636'] },
  };
}
