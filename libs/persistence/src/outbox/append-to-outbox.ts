import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { outboxChannel, qualified } from '../schema/identifiers';

/**
 * Writes events into `<schema>.outbox` within the caller's transaction, so they exist exactly
 * when the state change they describe exists. One statement for any number of events: the
 * rows are inserted through `unnest` and the relay is woken with `pg_notify`, which Postgres
 * delivers only at commit (and drops on rollback), once per transaction and channel.
 *
 * Throws when `manager` has no open transaction: outside one, the events could be committed
 * without the state change (or the other way round), which is what the outbox exists to prevent.
 */
export async function appendToOutbox(manager: EntityManager, schema: string, events: CloudEvent[]): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox() must run inside a transaction (use dataSource.transaction(manager => …)).');
  }
  if (events.length === 0) return;
  const ids: string[] = [];
  const types: string[] = [];
  const subjects: string[] = [];
  const attributes: string[] = [];
  const payloads: string[] = [];
  for (const event of events) {
    const { data, ...envelope } = event;
    ids.push(event.id);
    types.push(event.type);
    subjects.push(event.subject);
    attributes.push(JSON.stringify(envelope));
    payloads.push(JSON.stringify(data ?? null));
  }
  await manager.query(
    `WITH appended AS (
       INSERT INTO ${qualified(schema, 'outbox')} (id, type, subject, attributes, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::jsonb[])
       RETURNING 1
     )
     SELECT pg_notify($6, '') FROM (SELECT 1 FROM appended LIMIT 1) AS woken`,
    [ids, types, subjects, attributes, payloads, outboxChannel(schema)],
  );
}
