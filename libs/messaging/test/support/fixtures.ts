import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection, Subscription } from '@nats-io/nats-core';
import { CloudEvent, createEvent, PartnerRegistered, PartnerRegisteredV1, prefixedSubject, toHeaders } from '@bildungsraum/contracts';
import { JetStreamPublisher } from '../../src';

export function partnerRegistered(name: string): CloudEvent<PartnerRegisteredV1> {
  const data = Object.assign(new PartnerRegisteredV1(), {
    id: randomUUID(),
    version: 1,
    kind: 'company',
    name,
    status: 'pending',
    sites: [],
    districtKeys: ['06635'],
    networkIds: [],
  });
  return createEvent(PartnerRegistered, data.id, data);
}

export async function publishAll(nc: NatsConnection, prefix: string, events: CloudEvent[]): Promise<void> {
  const publisher = new JetStreamPublisher(jetstream(nc), prefix);
  for (const event of events) await publisher.publish(event);
}

/** Publishes a CloudEvent whose payload ignores its contract, bypassing the publisher's types. */
export async function publishRaw(nc: NatsConnection, prefix: string, event: CloudEvent, body: string, withHeaders = true): Promise<void> {
  const headers = natsHeaders();
  const { data: _data, ...attributes } = event;
  if (withHeaders) for (const [name, value] of Object.entries(toHeaders(attributes))) headers.set(name, value);
  await jetstream(nc).publish(prefixedSubject(event.type, prefix), body, { headers, msgID: event.id });
}

/**
 * Records the acknowledgements a consumer sends (`+ACK`, `-NAK {delay}`, `+WPI`, `+TERM`): the
 * wire-level proof of when a message was acked, not an inference from consumer state.
 */
export class AckRecorder {
  readonly acks: Array<{ body: string; at: number; streamSeq: number }> = [];
  private readonly subscription: Subscription;

  constructor(nc: NatsConnection, stream: string, durable: string) {
    this.subscription = nc.subscribe(`$JS.ACK.${stream}.${durable}.>`, {
      callback: (error, msg) => {
        if (error) return;
        // $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<ts>.<pending>
        const tokens = msg.subject.split('.');
        this.acks.push({ body: msg.string(), at: Date.now(), streamSeq: Number(tokens[tokens.length - 4]) });
      },
    });
  }

  of(kind: '+ACK' | '-NAK' | '+WPI' | '+TERM', streamSeq?: number) {
    return this.acks.filter((ack) => ack.body.startsWith(kind) && (streamSeq === undefined || ack.streamSeq === streamSeq));
  }

  stop(): void {
    this.subscription.unsubscribe();
  }
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Quiet in tests; failures show up in assertions. */
export const silentLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** For `eventually`: a value once `ready` holds for it, an error (retry) until then. */
export function when<T>(value: T, ready: (value: T) => boolean): T {
  if (!ready(value)) throw new Error(`not yet: ${JSON.stringify(value)?.slice(0, 300)}`);
  return value;
}
