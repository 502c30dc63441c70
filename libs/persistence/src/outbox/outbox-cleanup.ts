import { DataSource, EntityManager } from 'typeorm';
import { qualified } from '../schema/identifiers';

/**
 * Sent rows are kept for a while as an audit trail ("what did this service publish, when"),
 * then deleted. Keep them at least as long as the stream's duplicate window; the default of
 * 7 days is far beyond it. Returns the number of rows deleted. Pending rows are never touched.
 */
export async function deleteSentOutboxRows(
  source: DataSource | EntityManager,
  schema: string,
  olderThanDays = 7,
): Promise<number> {
  if (!(olderThanDays >= 0)) throw new Error(`olderThanDays must be ≥ 0, got ${olderThanDays}`);
  const [, affected] = (await source.query(
    `DELETE FROM ${qualified(schema, 'outbox')} WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(days => $1)`,
    [olderThanDays],
  )) as [unknown, number];
  return affected;
}
