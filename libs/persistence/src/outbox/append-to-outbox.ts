import { EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { outboxChannel, qualified } from '../schema/identifiers';

/**
 * The rows of `events` as one JSON document, the parameter of `outboxInsertSql`. `keyOf` tags
 * each row, so a statement that writes state and outbox at once can keep only the events of
 * the rows it actually wrote (`r->>'k'`).
 */
export function outboxDocument(events: CloudEvent[], keyOf?: (event: CloudEvent) => string): string {
  // One JSON document for the whole batch: measured about 1.6× the insert rate of `unnest` over
  // per-column arrays, at half the client CPU (no array-literal escaping of every JSON string).
  return JSON.stringify(events.map((event) => {
    const { data, ...envelope } = event;
    return keyOf ? { a: envelope, p: data ?? null, k: keyOf(event) } : { a: envelope, p: data ?? null };
  }));
}

/**
 * A statement (usable as a CTE) that inserts the outbox rows of `document` (an SQL expression
 * of type jsonb, e.g. `$1::jsonb`) whose element `r` satisfies `where`, in the document's
 * order (`position` is taken at insert), and returns one row per event. Wake the relay with
 * `outboxWakeSql` over its result.
 */
export function outboxInsertSql(schema: string, document: string, where = 'true'): string {
  return `INSERT INTO ${qualified(schema, 'outbox')} (id, type, subject, attributes, payload)
       SELECT (r->'a'->>'id')::uuid, r->'a'->>'type', r->'a'->>'subject', r->'a', r->'p'
         FROM jsonb_array_elements(${document}) WITH ORDINALITY AS e(r, i)
        WHERE ${where}
        ORDER BY i
       RETURNING 1`;
}

/** `pg_notify` once if the CTE `appended` inserted anything; Postgres delivers it at commit (none on rollback). */
export function outboxWakeSql(channelParameter: string): string {
  return `SELECT pg_notify(${channelParameter}, '') FROM (SELECT 1 FROM appended LIMIT 1) AS woken`;
}

/**
 * Writes events into `<schema>.outbox` within the caller's transaction, so they exist exactly
 * when the state change they describe exists. One statement for any number of events: the
 * rows are inserted from one JSON array and the relay is woken with `pg_notify`, which Postgres
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
  await manager.query(`WITH appended AS (${outboxInsertSql(schema, '$1::jsonb')}) ${outboxWakeSql('$2')}`, [outboxDocument(events), outboxChannel(schema)]);
}
