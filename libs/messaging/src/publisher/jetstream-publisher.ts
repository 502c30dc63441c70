import { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { CloudEvent, prefixedSubject, toHeaders } from '@bildungsraum/contracts';

/**
 * Publishes one event and resolves only once the stream has stored it. `Nats-Msg-Id` is the
 * event id, so a publish repeated after a crash (the outbox relay's at-least-once) is dropped by
 * JetStream inside the duplicate window instead of landing twice.
 */
export class JetStreamPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly prefix: string | undefined,
    private readonly timeoutMs = 5_000,
  ) {}

  async publish(event: CloudEvent): Promise<PubAck> {
    const { data, ...attributes } = event;
    const headers = natsHeaders();
    // append, not set: the names are distinct and the headers fresh, and set() first searches
    // and deletes every existing name (an array of all keys per call).
    for (const [name, value] of Object.entries(toHeaders(attributes))) headers.append(name, value);
    headers.append('content-type', 'application/json');
    return this.js.publish(prefixedSubject(event.type, this.prefix), JSON.stringify(data), {
      msgID: event.id,
      headers,
      timeout: this.timeoutMs,
    });
  }
}
