import { Client, QueryResult } from 'pg';
import { CloudEvent, CloudEventAttributes } from '@bildungsraum/contracts';
import { qualified } from '../schema/identifiers';

export interface ClaimedRow {
  id: string;
  event: CloudEvent;
  /** Insert time of the row in epoch ms (for the commit → ack latency metric). */
  createdMs: number;
}

interface OutboxRecord {
  id: string;
  attributes: CloudEventAttributes;
  payload: unknown;
  created_ms: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements the relay runs. Each relay cycle costs two round trips to Postgres: the claim
 * goes out together with BEGIN, the mark-sent together with COMMIT (simple query protocol,
 * several statements per message; values are inlined, so they are validated first).
 *
 * The relay's transaction commits with `synchronous_commit = off`: it only records that rows
 * were sent. Should Postgres crash before that record is flushed (≤ 3 × wal_writer_delay), the
 * rows are published again and JetStream drops the copies by `Nats-Msg-Id`. Not waiting for the
 * WAL flush is what keeps the relay loop, and so the commit → ack latency, short.
 */
export class OutboxSql {
  private readonly outbox: string;

  constructor(schema: string) {
    this.outbox = qualified(schema, 'outbox');
  }

  /** Opens the transaction and claims up to `limit` pending rows, oldest first. */
  async beginAndClaim(client: Client, limit: number): Promise<ClaimedRow[]> {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`Invalid batch size ${limit}`);
    // SKIP LOCKED lets replicas share the table: rows another relay holds are passed over
    // instead of waited for, so no row is published by two relays in the normal path.
    // A plain index scan in position order (not the bitmap scan the planner tends to pick)
    // marks index entries of sent, dead row versions as killed, so claims stay cheap between
    // vacuums: measured 0.25 ms instead of 1.9 ms with 30,000 sent rows not yet vacuumed.
    const results = (await client.query(`BEGIN; SET LOCAL synchronous_commit TO off; SET LOCAL enable_bitmapscan TO off;
      SELECT id, attributes, payload, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
        FROM ${this.outbox} WHERE sent_at IS NULL ORDER BY position LIMIT ${limit} FOR UPDATE SKIP LOCKED`)) as unknown as Array<
      QueryResult<OutboxRecord>
    >;
    return results[results.length - 1].rows.map((row) => ({
      id: row.id,
      event: { ...row.attributes, data: row.payload },
      createdMs: row.created_ms,
    }));
  }

  /** Marks `sent` as sent, records the error on `failed`, and commits. */
  async markAndCommit(client: Client, sent: string[], failed: string[] = [], error = ''): Promise<void> {
    const statements: string[] = [];
    if (sent.length > 0) {
      statements.push(`UPDATE ${this.outbox} SET sent_at = now(), attempts = attempts + 1 WHERE id IN (${uuidList(sent)})`);
    }
    if (failed.length > 0) {
      statements.push(
        `UPDATE ${this.outbox} SET attempts = attempts + 1, last_error = ${literal(error.slice(0, 2000))} WHERE id IN (${uuidList(failed)})`,
      );
    }
    statements.push('COMMIT');
    await client.query(statements.join(';\n'));
  }
}

function uuidList(ids: string[]): string {
  return ids
    .map((id) => {
      if (!UUID.test(id)) throw new Error(`Not a uuid: ${id}`);
      return `'${id}'`;
    })
    .join(',');
}

/** A standard-conforming string literal (standard_conforming_strings is on since Postgres 9.1). */
function literal(text: string): string {
  return `'${text.replace(/\u0000/g, '').replace(/'/g, "''")}'`;
}
