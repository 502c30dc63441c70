import { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';

export interface NatsConnectionOptions {
  /** Comma-separated server URLs, e.g. `nats://127.0.0.1:4222`. */
  url: string;
  /** Shows up in the server's connection list (`nats server report connections`). */
  name: string;
  /** Fail fast at start-up instead of retrying forever when no server answers. */
  waitOnFirstConnect?: boolean;
}

/**
 * Connects with unlimited reconnects: a NATS restart must never take a service down. Writes
 * keep going to the outbox meanwhile; the relay catches up once the connection is back.
 */
export async function connectNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url.split(',').map((server) => server.trim()),
    name: options.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: options.waitOnFirstConnect ?? false,
    pingInterval: 10_000,
    // Otherwise every request – each JetStream publish of the outbox relay is one – builds two
    // Error objects up front (their stack traces only decorate a later timeout or failure):
    // ~2 % of the needs service's CPU at 500 submissions/s (bench/needs-intake). Errors keep their
    // message and cause; they lose the caller's frames.
    noAsyncTraces: true,
  });
}

/** Lets in-flight messages finish and flushes pending publishes before closing. */
export async function drainNats(connection: NatsConnection | undefined): Promise<void> {
  if (!connection || connection.isClosed()) return;
  try {
    await connection.drain();
  } catch {
    await connection.close();
  }
}
