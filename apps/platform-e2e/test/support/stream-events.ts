import { NatsConnection } from '@nats-io/nats-core';
import { CloudEvent, prefixedName, STREAMS } from '@bildungsraum/contracts';
import { readStream } from '@bildungsraum/testing';

/** Everything the five services published so far, stream by stream (JetStream keeps it, deduplicated). */
export async function publishedEvents(nats: NatsConnection, prefix: string): Promise<CloudEvent[]> {
  const streams = await Promise.all(Object.values(STREAMS).map((stream) => readStream(nats, prefixedName(stream, prefix))));
  return streams.flat();
}

export type EventData = Record<string, unknown>;

export function dataOf(event: CloudEvent): EventData {
  return (event.data ?? {}) as EventData;
}
