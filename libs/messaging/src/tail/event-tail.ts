import { Consumer, ConsumerMessages, DeliverPolicy, jetstream, jetstreamManager, JsMsg } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import {
  CloudEventAttributes,
  DEAD_LETTER_STREAM,
  eventTypeOfSubject,
  fromHeaders,
  prefixedName,
  prefixedSubject,
  ProducingService,
  STREAMS,
  streamSubjects,
} from '@bildungsraum/contracts';
import { isNotFound } from '../provisioning/streams';
import { intersectSubjects, isValidSubjectPattern } from './subject-match';

/** Where a tail begins: only what is published from now on, the whole history, or from a time. */
export type TailStart = { from: 'now' } | { from: 'start' } | { from: 'time'; since: Date };

/** One event as the tail received it. */
export interface TailedEvent {
  stream: string;
  streamSeq: number;
  /** The subject without the deployment prefix: the event type (`deadletter.<consumer>.<type>` for dead letters). */
  subject: string;
  /** When JetStream stored the message. */
  storedAt: Date;
  /** CloudEvent attributes from the `ce-*` headers (whatever is present). */
  attributes: Partial<CloudEventAttributes>;
  /** The body: parsed JSON, or the raw text when it is not JSON. */
  data: unknown;
}

export interface EventTailOptions {
  /** Subject pattern without the deployment prefix, e.g. `needs.>` or `matching.match.proposed.v1` (default `>`). */
  pattern?: string;
  /** Deployment prefix (`BILDUNGSRAUM_SUBJECT_PREFIX`). */
  prefix?: string;
  start?: TailStart;
  onEvent: (event: TailedEvent) => void;
}

export interface TailedStream {
  stream: string;
  filter: string;
}

export interface EventTail {
  /** The streams being read and the filter used on each. */
  streams: TailedStream[];
  /** Streams that could hold matching events but do not exist (yet) on the server. */
  missing: string[];
  /** Stops reading and removes the ephemeral consumers. */
  stop(): Promise<void>;
}

/** Every stream the platform writes, with the subjects it captures. */
export function platformStreams(prefix?: string): TailedStream[] {
  const services = Object.keys(STREAMS) as ProducingService[];
  return [
    ...services.map((service) => ({ stream: prefixedName(STREAMS[service], prefix), filter: streamSubjects(service, prefix)[0] })),
    { stream: prefixedName(DEAD_LETTER_STREAM, prefix), filter: prefixedSubject('deadletter.>', prefix) },
  ];
}

/**
 * Follows events live: one ordered consumer per stream that can hold subjects matching the
 * pattern. Ordered consumers are ephemeral, unacknowledged and in memory on the server, so a
 * tail never disturbs the services' durable consumers and leaves nothing behind (the server
 * removes them after inactivity even if this process dies without `stop()`).
 */
export async function tailEvents(nc: NatsConnection, options: EventTailOptions): Promise<EventTail> {
  const pattern = options.pattern ?? '>';
  if (!isValidSubjectPattern(pattern)) throw new Error(`Ungültiges Subject-Muster / invalid subject pattern: "${pattern}"`);
  const wanted = prefixedSubject(pattern, options.prefix);
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const streams: TailedStream[] = [];
  const missing: string[] = [];
  for (const candidate of platformStreams(options.prefix)) {
    const filter = intersectSubjects(wanted, candidate.filter);
    if (!filter) continue;
    try {
      await jsm.streams.info(candidate.stream);
      streams.push({ stream: candidate.stream, filter });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      missing.push(candidate.stream);
    }
  }

  const readers: Array<{ consumer: Consumer; messages: ConsumerMessages; done: Promise<void> }> = [];
  const start = options.start ?? { from: 'now' };
  try {
    for (const { stream, filter } of streams) {
      const consumer = await js.consumers.get(stream, {
        filter_subjects: filter,
        ...(start.from === 'now' ? { deliver_policy: DeliverPolicy.New } : {}),
        ...(start.from === 'start' ? { deliver_policy: DeliverPolicy.All } : {}),
        ...(start.from === 'time' ? { opt_start_time: start.since.toISOString() } : {}),
      });
      const messages = await consumer.consume();
      const done = (async () => {
        for await (const msg of messages) options.onEvent(toTailedEvent(msg, options.prefix));
      })();
      readers.push({ consumer, messages, done });
    }
  } catch (error) {
    await stopReaders(readers);
    throw error;
  }
  return { streams, missing, stop: () => stopReaders(readers) };
}

async function stopReaders(readers: Array<{ consumer: Consumer; messages: ConsumerMessages; done: Promise<void> }>): Promise<void> {
  await Promise.all(
    readers.map(async ({ consumer, messages, done }) => {
      messages.stop();
      await done.catch(() => undefined);
      await consumer.delete().catch(() => undefined);
    }),
  );
}

function toTailedEvent(msg: JsMsg, prefix: string | undefined): TailedEvent {
  const { attributes } = fromHeaders((name) => msg.headers?.get(name) || undefined);
  return {
    stream: msg.info.stream,
    streamSeq: msg.seq,
    subject: eventTypeOfSubject(msg.subject, prefix),
    storedAt: msg.time,
    attributes,
    data: parseBody(msg.string()),
  };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
