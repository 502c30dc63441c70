import { Client } from 'pg';
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

/** The statements the relay runs, prepared once per schema. */
export class OutboxSql {
  private readonly claimText: string;
  private readonly markSentText: string;
  private readonly recordErrorText: string;

  constructor(schema: string) {
    const outbox = qualified(schema, 'outbox');
    // SKIP LOCKED lets replicas share the table: rows another relay holds are passed over
    // instead of waited for, so no row is published by two relays in the normal path.
    this.claimText = `SELECT id, attributes, payload, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
      FROM ${outbox} WHERE sent_at IS NULL ORDER BY position LIMIT $1 FOR UPDATE SKIP LOCKED`;
    this.markSentText = `UPDATE ${outbox} SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`;
    this.recordErrorText = `UPDATE ${outbox} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`;
  }

  async claim(client: Client, limit: number): Promise<ClaimedRow[]> {
    const result = await client.query<OutboxRecord>(this.claimText, [limit]);
    return result.rows.map((row) => ({
      id: row.id,
      event: { ...row.attributes, data: row.payload },
      createdMs: row.created_ms,
    }));
  }

  async markSent(client: Client, ids: string[]): Promise<void> {
    await client.query(this.markSentText, [ids]);
  }

  async recordError(client: Client, ids: string[], message: string): Promise<void> {
    await client.query(this.recordErrorText, [ids, message.slice(0, 2000)]);
  }
}
