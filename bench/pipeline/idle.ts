import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';

/**
 * True when every durable consumer of the run's streams has nothing pending and nothing
 * unacknowledged: the services have worked off every event, including the follow-ups a phase
 * leaves behind (e.g. `needs.need.updated.v1` after each proposal), which would otherwise queue
 * in front of the next phase's needs.
 */
export async function pipelineIdle(nc: NatsConnection, prefix: string): Promise<boolean> {
  const jsm = await jetstreamManager(nc);
  for await (const stream of jsm.streams.list()) {
    if (!stream.config.name.startsWith(`${prefix}_`)) continue;
    for await (const consumer of jsm.consumers.list(stream.config.name)) {
      if (consumer.num_pending > 0 || consumer.num_ack_pending > 0) return false;
    }
  }
  return true;
}
