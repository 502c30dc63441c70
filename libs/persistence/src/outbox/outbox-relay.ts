import { Client } from 'pg';
import { pgConfigOf } from '../data-source/pg-config';
import { outboxChannel } from '../schema/identifiers';
import { OutboxSql } from './outbox-sql';
import { PgSession } from './pg-session';
import { BatchContext, OutboxPublishError, runBatch } from './relay-batch';
import { consoleRelayLogger, OutboxRelayLogger, OutboxRelayOptions } from './relay-options';

/**
 * Publishes committed outbox rows to JetStream, in `position` order, at least once; JetStream
 * turns that into exactly once because `Nats-Msg-Id` = event id (duplicate window).
 *
 * Cycle: claim up to `batchSize` pending rows (`FOR UPDATE SKIP LOCKED`, in a transaction) →
 * send all publishes of the batch at once, then await their acks → mark the acked rows sent →
 * commit. Up to `concurrency` batches overlap: the next claim starts as soon as the previous
 * batch's publishes are on the wire (keeping the wire order) instead of after its acks and
 * commit, which shortens the wait under load. Repeats while batches come back full, then
 * sleeps until a NOTIFY from `appendToOutbox` (low latency) or the poll timer (fallback) wakes it. A failed publish leaves
 * its row pending with `attempts`/`last_error` recorded; the relay backs off and retries.
 *
 * A crash after the ack but before the commit leaves the row pending; the next relay publishes
 * it again with the same id and JetStream drops the copy (see README: duplicate window).
 */
export class OutboxRelay {
  private readonly batch: BatchContext;
  private readonly lanes: Array<{ session: PgSession; busy: boolean }>;
  private readonly listener: PgSession;
  private readonly logger: OutboxRelayLogger;
  private readonly pollIntervalMs: number;
  private readonly claimIntervalMs: number;
  private running = false;
  private loop?: Promise<void>;
  private failures = 0;
  private wakeRequested = false;
  private wake?: () => void;
  private listenRetry?: NodeJS.Timeout;

  constructor(private readonly options: OutboxRelayOptions) {
    const source = options.dataSource ?? options.url;
    if (!source) throw new Error('OutboxRelay needs a dataSource or a url.');
    const batchSize = options.batchSize ?? 500;
    this.batch = { sql: new OutboxSql(options.schema), batchSize, publisher: options.publisher, hooks: options.hooks };
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.claimIntervalMs = Math.max(0, options.claimIntervalMs ?? 0);
    this.logger = options.logger ?? consoleRelayLogger;
    const applicationName = `${options.schema}-outbox-relay`;
    this.lanes = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => ({
      session: new PgSession(pgConfigOf(source, applicationName)),
      busy: false,
    }));
    this.listener = new PgSession(pgConfigOf(source, `${applicationName}-listen`), (client) => this.subscribe(client));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Starts relaying. Resolves once LISTEN is in place (so a commit after that wakes the relay at
   * once); a database that is down does not make it fail: LISTEN and claims are retried.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen();
    this.loop = this.run();
  }

  /** Stops after the batches in flight have been published and committed (or rolled back). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.listenRetry);
    this.wake?.();
    await this.loop;
    await Promise.all([...this.lanes.map((lane) => lane.session.reset()), this.listener.reset()]);
  }

  /** Asks for a relay pass now (also what a NOTIFY does). */
  poke(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    // A pass is owed at start (rows may have been committed while no relay ran), after every
    // wake-up (notification or poll) and after a full batch. It stays owed while all lanes are
    // busy: the wake-up that found no free lane must not be lost.
    let owed = true;
    // A full batch means a backlog: the next claim follows at once, whatever claimIntervalMs says.
    let full = false;
    let lastClaimAt = -Infinity;
    while (this.running) {
      if (this.failures > 0) {
        // Let the other batches finish, then wait; notifications do not cut the back-off short
        // (writes go on while NATS is down).
        await Promise.allSettled(inFlight);
        await this.sleep(this.backoffMs(this.failures), false);
        owed = true;
      }
      if (!owed) await this.sleep(this.pollIntervalMs, true);
      owed = true;
      if (!this.running) break;
      const wait = full ? 0 : lastClaimAt + this.claimIntervalMs - performance.now();
      if (wait > 0) {
        // Commits notified meanwhile are claimed together by the claim after this wait.
        await this.sleep(wait, false);
        if (!this.running) break;
      }
      const lane = this.lanes.find((candidate) => !candidate.busy);
      if (!lane) {
        await Promise.race(inFlight);
        continue;
      }
      lane.busy = true;
      // Every notification so far is for a committed row that this claim sees (or that a batch in
      // flight holds); one arriving from here on owes another pass.
      this.wakeRequested = false;
      lastClaimAt = performance.now();
      const { dispatched, done } = await this.startBatch(lane.session);
      const settled: Promise<void> = done
        .then((info) => this.succeeded(info), (error: unknown) => this.failed(error, lane.session))
        .finally(() => {
          lane.busy = false;
          inFlight.delete(settled);
        });
      inFlight.add(settled);
      full = (await dispatched) === this.batch.batchSize;
      owed = full;
    }
    await Promise.allSettled(inFlight);
  }

  private async startBatch(session: PgSession): Promise<ReturnType<typeof runBatch>> {
    try {
      return runBatch(this.batch, await session.client());
    } catch (error) {
      return { dispatched: Promise.resolve(0), done: Promise.reject(error) };
    }
  }

  private succeeded(info: { published: number; failed: number; latenciesMs: number[] }): void {
    this.failures = 0;
    if (info.published > 0) this.options.hooks?.onBatch?.(info);
  }

  private async failed(error: unknown, session: PgSession): Promise<void> {
    this.failures += 1;
    if (error instanceof OutboxPublishError) this.options.hooks?.onBatch?.(error.info);
    else await session.reset(); // a Postgres error: start the next batch on a fresh connection
    this.options.hooks?.onError?.(error, this.failures);
    if (this.failures === 1 || this.failures % 20 === 0) {
      this.logger.warn(`relay of ${this.options.schema}.outbox failed (${this.failures}×), retrying: ${String(error)}`);
    }
    this.poke(); // let the loop notice and back off
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
