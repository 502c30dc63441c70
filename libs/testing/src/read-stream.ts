import { jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, fromHeaders } from '@bildungsraum/contracts';

/** Every event stored in a stream, in stream order (empty when the stream does not exist yet). */
export async function readStream(nats: NatsConnection, stream: string): Promise<CloudEvent[]> {
  const jsm = await jetstreamManager(nats);
  const info = await jsm.streams.info(stream).catch(() => undefined);
  if (!info) return [];
  const events: CloudEvent[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
    const message = await jsm.streams.getMessage(stream, { seq });
    if (!message) continue;
    const { attributes } = fromHeaders((name) => message.header.get(name) || undefined);
    events.push({ ...(attributes as CloudEvent), data: message.json() });
  }
  return events;
}
