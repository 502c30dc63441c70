import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { prefixedName, STREAMS } from '@bildungsraum/contracts';
import { Api } from './api';

/**
 * Consumers that still have work on a stream: messages not yet delivered or not yet acknowledged
 * (every service acknowledges after its commit). Empty when every service has caught up.
 */
export async function consumersBehind(nats: NatsConnection, prefix: string, streams: readonly string[] = Object.values(STREAMS)): Promise<string[]> {
  const jsm = await jetstreamManager(nats);
  const behind: string[] = [];
  for (const stream of streams) {
    const name = prefixedName(stream, prefix);
    if (!(await jsm.streams.info(name).catch(() => undefined))) continue;
    for await (const consumer of jsm.consumers.list(name)) {
      if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) behind.push(`${consumer.name}: ${consumer.num_pending} pending, ${consumer.num_ack_pending} unacknowledged`);
    }
  }
  return behind;
}

/** Deliveries notifications has recorded but not finished (operator view over all organisations). */
export async function unfinishedDeliveries(notifications: Api, operatorToken: string): Promise<number> {
  const [pending, sending] = await Promise.all(
    ['pending', 'sending'].map((status) => notifications.expect<unknown[]>(200, 'GET', `/deliveries?status=${status}&limit=500`, operatorToken)),
  );
  return pending.length + sending.length;
}
