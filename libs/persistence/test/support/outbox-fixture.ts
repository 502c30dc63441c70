import { randomUUID } from 'node:crypto';
import { JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
// Tests of this infra lib drive it with the real messaging lib (the brief's "real NATS, no mocks").
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { appendToOutbox, createOutboxAndInboxTables, createServiceDataSource, dropOutboxAndInboxTables, runMigrations } from '../../src';

export const SCHEMA = 'relaytest';

/** The service's first migration, as a service would write it. */
export class CreateOutboxAndInbox1700000000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await createOutboxAndInboxTables(queryRunner, SCHEMA);
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxAndInboxTables(queryRunner, SCHEMA);
  }
}

export async function migratedDataSource(url: string, poolSize = 10): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema: SCHEMA,
    entities: [],
    migrations: [CreateOutboxAndInbox1700000000000],
    poolSize,
  });
  await runMigrations(dataSource);
  return dataSource;
}

let counter = 0;

/** An event of the partners stream; `n` lands in the payload so order can be checked. */
export function testEvent(n: number, subject = randomUUID()): CloudEvent<{ n: number }> {
  counter += 1;
  return {
    id: randomUUID(),
    source: '/bildungsraum/partners',
    type: 'partners.relaytest.happened.v1',
    specversion: '1.0',
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: `c-${counter}`,
    data: { n },
  };
}

export interface NatsSide {
  nc: NatsConnection;
  jsm: JetStreamManager;
  stream: string;
  publisher: JetStreamPublisher;
  close(): Promise<void>;
}

export async function natsSide(url: string, prefix: string, name: string): Promise<NatsSide> {
  const nc = await connectNats({ url, name });
  const jsm = await jetstreamManager(nc);
  const stream = await ensureServiceStream(jsm, 'partners', prefix);
  const publisher = new JetStreamPublisher(jetstream(nc), prefix);
  return { nc, jsm, stream, publisher, close: () => drainNats(nc) };
}

/** Event ids (`Nats-Msg-Id`) of every message in the stream, in stream order, duplicates included. */
export async function storedEventIds(jsm: JetStreamManager, stream: string): Promise<string[]> {
  const info = await jsm.streams.info(stream);
  const ids: string[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message) ids.push(message.header.get('Nats-Msg-Id'));
  }
  return ids;
}

export async function storedPayloads(jsm: JetStreamManager, stream: string): Promise<Array<{ n: number }>> {
  const info = await jsm.streams.info(stream);
  const payloads: Array<{ n: number }> = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (message) payloads.push(message.json<{ n: number }>());
  }
  return payloads;
}

export async function commitEvents(dataSource: DataSource, events: CloudEvent[]): Promise<void> {
  await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, events));
}

export async function pendingCount(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".outbox WHERE sent_at IS NULL`)) as Array<{ n: number }>;
  return row.n;
}

/** Empties outbox and stream between the cases of one file. */
export async function resetOutboxAndStream(dataSource: DataSource, nats: NatsSide): Promise<void> {
  await dataSource.query(`DELETE FROM "${SCHEMA}".outbox`);
  await nats.jsm.streams.purge(nats.stream);
}
