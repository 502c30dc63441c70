import { jetstream, jetstreamManager, StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, NatsConnection } from '@nats-io/nats-core';
import { CE_HEADER_PREFIX, DEAD_LETTER_STREAM, eventTypeOfSubject, prefixedName } from '@bildungsraum/contracts';
import { DEAD_LETTER_HEADERS } from '../consumer/dead-letter-publisher';
import { isNotFound } from '../provisioning/streams';

/** One parked message as an operator sees it. */
export interface DeadLetter {
  /** Sequence in the dead-letter stream: the handle for `replayDeadLetter`. */
  seq: number;
  consumer: string;
  eventType: string;
  eventId?: string;
  error: string;
  attempts: number;
  originalSubject: string;
  originalStream?: string;
  originalStreamSeq?: number;
  parkedAt: string;
  /** The payload as it was received (JSON when it parses, the raw text otherwise). */
  data: unknown;
}

export interface ListDeadLettersOptions {
  /** Only the dead letters of one consuming service. */
  consumer?: string;
  /** Upper bound of entries returned, oldest first (default 1000). */
  limit?: number;
}

function deadLetterStreamName(prefix: string | undefined): string {
  return prefixedName(DEAD_LETTER_STREAM, prefix);
}

/** Parked messages, oldest first. An absent dead-letter stream means there are none. */
export async function listDeadLetters(nc: NatsConnection, prefix: string | undefined, options: ListDeadLettersOptions = {}): Promise<DeadLetter[]> {
  const jsm = await jetstreamManager(nc);
  const stream = deadLetterStreamName(prefix);
  let state;
  try {
    state = (await jsm.streams.info(stream)).state;
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const limit = options.limit ?? 1_000;
  const letters: DeadLetter[] = [];
  // Dead letters are few and deleted when replayed; walking the sequence range is simple and
  // works on every server version.
  for (let seq = state.first_seq; seq <= state.last_seq && letters.length < limit && state.messages > 0; seq++) {
    const stored = await getMessage(nc, stream, seq);
    if (!stored) continue;
    const letter = toDeadLetter(stored, prefix);
    if (!options.consumer || letter.consumer === options.consumer) letters.push(letter);
  }
  return letters;
}

/**
 * Publishes a parked message again to its original subject with its payload and `ce-*`
 * headers, then removes it from the dead-letter stream. The fresh Nats-Msg-Id
 * `<event id>:replay:<seq>` passes JetStream's duplicate window; the event id is unchanged, so
 * consumers that already applied the event skip it in their inbox.
 */
export async function replayDeadLetter(nc: NatsConnection, prefix: string | undefined, seq: number): Promise<DeadLetter> {
  const stream = deadLetterStreamName(prefix);
  const stored = await getMessage(nc, stream, seq);
  if (!stored) throw new Error(`No dead letter with sequence ${seq} in ${stream}`);
  const letter = toDeadLetter(stored, prefix);
  if (!letter.originalSubject) throw new Error(`Dead letter ${seq} has no ${DEAD_LETTER_HEADERS.originalSubject} header`);
  const headers = natsHeaders();
  for (const name of stored.header.keys()) {
    const lower = name.toLowerCase();
    if (!(lower.startsWith(CE_HEADER_PREFIX) || lower === 'traceparent' || lower === 'content-type')) continue;
    for (const value of stored.header.values(name)) headers.append(name, value);
  }
  await jetstream(nc).publish(letter.originalSubject, stored.data, {
    headers,
    msgID: `${letter.eventId ?? 'no-id'}:replay:${seq}`,
  });
  const jsm = await jetstreamManager(nc);
  await jsm.streams.deleteMessage(stream, seq, false);
  return letter;
}

async function getMessage(nc: NatsConnection, stream: string, seq: number): Promise<StoredMsg | undefined> {
  const jsm = await jetstreamManager(nc);
  try {
    return (await jsm.streams.getMessage(stream, { seq })) ?? undefined;
  } catch (error) {
    if (isNotFound(error) || /no message/i.test(String(error))) return undefined;
    throw error;
  }
}

function toDeadLetter(stored: StoredMsg, prefix: string | undefined): DeadLetter {
  const header = (name: string) => stored.header.get(name) || undefined;
  // <prefix>.deadletter.<consumer>.<event type>
  const [, consumer = '', ...typeParts] = eventTypeOfSubject(stored.subject, prefix).split('.');
  const originalSeq = Number(header(DEAD_LETTER_HEADERS.streamSeq));
  return {
    seq: stored.seq,
    consumer: header(DEAD_LETTER_HEADERS.consumer) ?? consumer,
    eventType: header(`${CE_HEADER_PREFIX}type`) ?? typeParts.join('.'),
    eventId: header(`${CE_HEADER_PREFIX}id`),
    error: header(DEAD_LETTER_HEADERS.error) ?? '',
    attempts: Number(header(DEAD_LETTER_HEADERS.attempts) ?? 0),
    originalSubject: header(DEAD_LETTER_HEADERS.originalSubject) ?? '',
    originalStream: header(DEAD_LETTER_HEADERS.originalStream),
    originalStreamSeq: Number.isFinite(originalSeq) ? originalSeq : undefined,
    parkedAt: header(DEAD_LETTER_HEADERS.parkedAt) ?? stored.time.toISOString(),
    data: parseBody(stored),
  };
}

function parseBody(stored: StoredMsg): unknown {
  const text = stored.string();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
