import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { qualified } from '../schema/identifiers';

export type ProcessOutcome = 'processed' | 'duplicate';

/**
 * Applies an event's effect exactly once per consumer: the inbox row (consumer, event id) and
 * the effect are written in one transaction. If the row exists already, the event was applied
 * before (a redelivery, a replay) and `work` is not run.
 *
 * Concurrent deliveries of the same event are safe too: the second insert waits for the first
 * transaction; if that commits, the second sees the conflict and returns 'duplicate'; if it
 * rolls back, the second goes ahead.
 *
 * `source` may be a DataSource (a new transaction is opened) or an EntityManager; a manager
 * that is already inside a transaction is used as is, so the caller's transaction covers it.
 * Acknowledge the message only after this resolves.
 */
export async function processOnce(
  source: DataSource | EntityManager,
  schema: string,
  consumerName: string,
  event: Pick<CloudEvent, 'id' | 'type'>,
  work: (manager: EntityManager) => Promise<void>,
): Promise<ProcessOutcome> {
  const inbox = qualified(schema, 'inbox');
  const attempt = async (manager: EntityManager): Promise<ProcessOutcome> => {
    const inserted = (await manager.query(
      `INSERT INTO ${inbox} (consumer, event_id, event_type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumerName, event.id, event.type],
    )) as unknown[];
    if (inserted.length === 0) return 'duplicate';
    await work(manager);
    return 'processed';
  };
  if (source instanceof DataSource) return source.transaction(attempt);
  if (source.queryRunner?.isTransactionActive) return attempt(source);
  return source.transaction(attempt);
}

/** True when the inbox of `schema` holds (consumer, event id), i.e. the event was applied. */
export async function wasProcessed(
  source: DataSource | EntityManager,
  schema: string,
  consumerName: string,
  eventId: string,
): Promise<boolean> {
  const rows = (await source.query(`SELECT 1 FROM ${qualified(schema, 'inbox')} WHERE consumer = $1 AND event_id = $2`, [
    consumerName,
    eventId,
  ])) as unknown[];
  return rows.length > 0;
}
