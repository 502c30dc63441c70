import { Client } from 'pg';
import { OutboxSql } from './outbox-sql';
import { OutboxPublisher, OutboxRelayHooks, RelayBatchInfo } from './relay-options';

export interface BatchContext {
  sql: OutboxSql;
  batchSize: number;
  publisher: OutboxPublisher;
  hooks?: OutboxRelayHooks;
}

export interface BatchRun {
  /**
   * Resolves with the number of rows claimed once every publish of the batch is on the wire
   * (0 when nothing was pending or the claim failed). The next batch may start from here on:
   * its rows come later in the wire order, and SKIP LOCKED keeps it off this batch's rows.
   */
  dispatched: Promise<number>;
  /** Resolves after the commit; rejects when the batch failed (pending rows stay pending). */
  done: Promise<RelayBatchInfo>;
}

/** One claim → publish → mark → commit cycle on its own connection. */
export function runBatch(context: BatchContext, client: Client): BatchRun {
  let markDispatched: (claimed: number) => void = () => undefined;
  const dispatched = new Promise<number>((resolve) => (markDispatched = resolve));
  const done = (async () => {
    let outcome: { info: RelayBatchInfo; error?: OutboxPublishError };
    try {
      outcome = await claimPublishMark(context, client, markDispatched);
    } catch (error) {
      markDispatched(0);
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    // Acked rows are committed as sent by now; the failed ones stay pending for a retry.
    if (outcome.error) throw outcome.error;
    return outcome.info;
  })();
  return { dispatched, done };
}

async function claimPublishMark(
  { sql, batchSize, publisher, hooks }: BatchContext,
  client: Client,
  markDispatched: (claimed: number) => void,
): Promise<{ info: RelayBatchInfo; error?: OutboxPublishError }> {
  const rows = await sql.beginAndClaim(client, batchSize);
  const info: RelayBatchInfo = { published: 0, failed: 0, latenciesMs: [] };
  if (rows.length === 0) {
    markDispatched(0);
    await sql.markAndCommit(client, []);
    return { info };
  }
  // Pipelined: every publish of the batch is on the wire before the first ack is awaited.
  const acks = rows.map((row) => publisher.publish(row.event));
  markDispatched(rows.length);
  const results = await Promise.allSettled(acks);
  const ackedAt = Date.now();
  const acked: string[] = [];
  const failed: string[] = [];
  let firstError: unknown;
  results.forEach((result, index) => {
    const row = rows[index];
    if (result.status === 'fulfilled') {
      acked.push(row.id);
      info.latenciesMs.push(ackedAt - row.createdMs);
    } else {
      failed.push(row.id);
      firstError ??= result.reason;
    }
  });
  info.published = acked.length;
  info.failed = failed.length;
  if (acked.length > 0) await hooks?.afterPublish?.(acked);
  await sql.markAndCommit(client, acked, failed, String(firstError));
  if (failed.length === 0) return { info };
  return { info, error: new OutboxPublishError(failed.length, rows.length, firstError, info) };
}

export class OutboxPublishError extends Error {
  constructor(
    failed: number,
    total: number,
    cause: unknown,
    /** What the batch achieved before failing: its acked events are committed as sent. */
    readonly info: RelayBatchInfo,
  ) {
    super(`${failed} of ${total} outbox events not acked by the stream: ${String(cause)}`, { cause });
    this.name = 'OutboxPublishError';
  }
}
