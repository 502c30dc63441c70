import { DataSource } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';

/**
 * Anything that resolves once the stream has stored the event (and rejects otherwise). The
 * `JetStreamPublisher` of @bildungsraum/messaging fits; it sets `Nats-Msg-Id` = event id.
 */
export interface OutboxPublisher {
  publish(event: CloudEvent): Promise<unknown>;
}

/** A subset of Nest's `LoggerService`, so `new Logger('OutboxRelay')` can be passed as is. */
export interface OutboxRelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RelayBatchInfo {
  /** Events acked by the stream in this batch (and marked sent in the same commit). */
  published: number;
  /** Events whose publish failed; they stay pending and are retried after a back-off. */
  failed: number;
  /** Per acked event: stream ack time minus the row's insert time (≈ commit → ack), ms. */
  latenciesMs: number[];
}

export interface OutboxRelayHooks {
  /**
   * Called after the stream acked `ids` and BEFORE the rows are marked sent; the relay awaits it.
   * Tests use it to crash the relay in exactly that window; a bench uses it to time acks.
   */
  afterPublish?(ids: string[]): void | Promise<void>;
  /** After each batch that claimed rows has committed: the metrics hook. */
  onBatch?(info: RelayBatchInfo): void;
  /** After a failed batch (NATS or Postgres unavailable), before backing off. */
  onError?(error: unknown, consecutiveFailures: number): void;
}

export interface OutboxRelayOptions {
  /** Where the outbox lives: a DataSource (its connection settings are reused) or a URL. */
  dataSource?: DataSource;
  url?: string;
  schema: string;
  publisher: OutboxPublisher;
  /** Rows claimed and published per transaction (default 500). */
  batchSize?: number;
  /**
   * Batches in flight at once, each on its own Postgres connection (default 2). A new batch is
   * claimed as soon as the previous one is on the wire, not after its acks and commit.
   */
  concurrency?: number;
  /**
   * Shortest time between the starts of two claims that follow notifications (default 0: claim
   * at every notification). Under a steady stream of single-row commits every notification
   * otherwise costs a claim and a commit round trip of its own; with an interval, the commits of
   * that time share one batch, at the price of up to this much commit → stream latency. The first
   * claim after a quiet interval and the claims after full batches (a backlog) do not wait.
   */
  claimIntervalMs?: number;
  /** Fallback poll when no notification arrives, e.g. the LISTEN connection dropped (default 1000). */
  pollIntervalMs?: number;
  /** Back-off after a failed batch: starts here and doubles (default 100)… */
  minBackoffMs?: number;
  /** …up to this bound (default 5000). */
  maxBackoffMs?: number;
  logger?: OutboxRelayLogger;
  hooks?: OutboxRelayHooks;
}

export const consoleRelayLogger: OutboxRelayLogger = {
  log: () => undefined,
  warn: (message) => console.warn(`[OutboxRelay] ${message}`),
  error: (message) => console.error(`[OutboxRelay] ${message}`),
};
