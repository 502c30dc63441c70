import { NatsConnection, Subscription } from '@nats-io/nats-core';
import { CloudEvent, eventTypeOfSubject, fromHeaders, prefixedSubject } from '@bildungsraum/contracts';

/** Records every event published under a prefix, as it is published, for assertions. */
export class EventCapture {
  readonly events: CloudEvent[] = [];
  private readonly subscription: Subscription;

  constructor(connection: NatsConnection, prefix: string, filter = '>') {
    this.subscription = connection.subscribe(prefixedSubject(filter, prefix), {
      callback: (error, msg) => {
        if (error) return;
        const { attributes } = fromHeaders((name) => msg.headers?.get(name) || undefined);
        this.events.push({
          ...(attributes as CloudEvent),
          type: attributes.type ?? eventTypeOfSubject(msg.subject, prefix),
          data: msg.data.length ? msg.json() : undefined,
        });
      },
    });
  }

  ofType(type: string): CloudEvent[] {
    return this.events.filter((event) => event.type === type);
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}
