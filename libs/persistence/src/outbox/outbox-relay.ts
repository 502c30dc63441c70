import { Client } from 'pg';
import { pgConfigOf } from '../data-source/pg-config';
import { outboxChannel } from '../schema/identifiers';
import { OutboxSql } from './outbox-sql';
import { PgSession } from './pg-session';
import { consoleRelayLogger, OutboxRelayLogger, OutboxRelayOptions, RelayBatchInfo } from './relay-options';

/**
 * Publishes committed outbox rows to JetStream, in `position` order, at least once; JetStream
 * turns that into exactly once because `Nats-Msg-Id` = event id (duplicate window).
 *
 * Cycle: claim up to `batchSize` pending rows (`FOR UPDATE SKIP LOCKED`, in a transaction) →
 * send all publishes of the batch at once, then await their acks → mark the acked rows sent →
 * commit. Repeats while batches come back full, then sleeps until a NOTIFY from
 * `appendToOutbox` (low latency) or the poll timer (fallback) wakes it. A failed publish leaves
 * its row pending with `attempts`/`last_error` recorded; the relay backs off and retries.
 *
 * A crash after the ack but before the commit leaves the row pending; the next relay publishes
 * it again with the same id and JetStream drops the copy (see README: duplicate window).
 */
export class OutboxRelay {
  private readonly sql: OutboxSql;
  private readonly session: PgSession;
  private readonly listener: PgSession;
  private readonly logger: OutboxRelayLogger;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wakeRequested = false;
  private wake?: () => void;
  private listenRetry?: NodeJS.Timeout;

  constructor(private readonly options: OutboxRelayOptions) {
    const source = options.dataSource ?? options.url;
    if (!source) throw new Error('OutboxRelay needs a dataSource or a url.');
    this.sql = new OutboxSql(options.schema);
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.logger = options.logger ?? consoleRelayLogger;
    const applicationName = `${options.schema}-outbox-relay`;
    this.session = new PgSession(pgConfigOf(source, applicationName));
    this.listener = new PgSession(pgConfigOf(source, `${applicationName}-listen`), (client) => this.subscribe(client));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Starts listening and relaying; returns at once (a database that is down is retried). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Stops after the batch in flight has been published and committed (or rolled back). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.listenRetry);
    this.wake?.();
    await this.loop;
    await Promise.all([this.session.reset(), this.listener.reset()]);
  }

  /** Asks for a relay pass now (also what a NOTIFY does). */
  poke(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let more: boolean;
      try {
        more = await this.relayBatch();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.hooks?.onError?.(error, failures);
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`relay of ${this.options.schema}.outbox failed (${failures}×), retrying: ${String(error)}`);
        }
        // Notifications do not cut the back-off short: writes go on while NATS is down.
        await this.sleep(this.backoffMs(failures), false);
        continue;
      }
      if (!more) await this.sleep(this.pollIntervalMs, true);
    }
  }

  /** One claim → publish → mark → commit cycle; true when the batch was full (more may wait). */
  private async relayBatch(): Promise<boolean> {
    const client = await this.session.client();
    let outcome: BatchOutcome;
    await client.query('BEGIN');
    try {
      outcome = await this.relayClaimed(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => this.session.reset());
      throw error;
    }
    if (outcome.info.published + outcome.info.failed > 0) this.options.hooks?.onBatch?.(outcome.info);
    // Acked rows are committed as sent; the failed ones stay pending and trigger the back-off.
    if (outcome.error) throw outcome.error;
    return outcome.full;
  }

  private async relayClaimed(client: Client): Promise<BatchOutcome> {
    const rows = await this.sql.claim(client, this.batchSize);
    const info: RelayBatchInfo = { published: 0, failed: 0, latenciesMs: [] };
    if (rows.length === 0) return { full: false, info };
    // Pipelined: every publish of the batch is on the wire before the first ack is awaited.
    const results = await Promise.allSettled(rows.map((row) => this.options.publisher.publish(row.event)));
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
    if (acked.length > 0) {
      await this.options.hooks?.afterPublish?.(acked);
      await this.sql.markSent(client, acked);
    }
    if (failed.length === 0) return { full: rows.length === this.batchSize, info };
    await this.sql.recordError(client, failed, String(firstError));
    return { full: false, info, error: new OutboxPublishError(failed.length, rows.length, firstError) };
  }

  private backoffMs(failures: number): number {
    const min = this.options.minBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? 5_000;
    const exponential = Math.min(max, min * 2 ** Math.min(failures - 1, 16));
    return exponential / 2 + Math.random() * (exponential / 2);
  }

  /** Waits for `ms`, for stop(), and — when `wakeable` — for a notification. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (wakeable && this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        if (wakeable) this.wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (wakeable || !this.running) done();
      };
    });
  }

  private async listen(): Promise<void> {
    try {
      await this.listener.client();
    } catch (error) {
      this.logger.warn(`LISTEN on ${outboxChannel(this.options.schema)} failed, polling meanwhile: ${String(error)}`);
      this.scheduleListen();
    }
  }

  private async subscribe(client: Client): Promise<void> {
    client.on('notification', () => this.poke());
    client.on('error', () => this.scheduleListen());
    client.on('end', () => this.scheduleListen());
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    // Rows committed while no one listened are picked up by this first pass.
    this.poke();
  }

  private scheduleListen(): void {
    if (!this.running || this.listenRetry) return;
    this.listenRetry = setTimeout(() => {
      this.listenRetry = undefined;
      void this.listen();
    }, this.pollIntervalMs);
  }
}

interface BatchOutcome {
  full: boolean;
  info: RelayBatchInfo;
  error?: OutboxPublishError;
}

export class OutboxPublishError extends Error {
  constructor(failed: number, total: number, cause: unknown) {
    super(`${failed} of ${total} outbox events not acked by the stream: ${String(cause)}`, { cause });
    this.name = 'OutboxPublishError';
  }
}
