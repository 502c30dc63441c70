import { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { deadLetterSubject } from '@bildungsraum/contracts';

/** Headers a dead letter carries besides the original `ce-*` headers (README.md explains them). */
export const DEAD_LETTER_HEADERS = {
  error: 'x-deadletter-error',
  consumer: 'x-deadletter-consumer',
  attempts: 'x-deadletter-attempts',
  originalSubject: 'x-deadletter-original-subject',
  originalStream: 'x-deadletter-original-stream',
  streamSeq: 'x-deadletter-stream-seq',
  parkedAt: 'x-deadletter-parked-at',
} as const;

/** Header values are one line; long stack traces are cut so the message stays small. */
const MAX_ERROR_LENGTH = 2_000;

export interface ParkRequest {
  msg: JsMsg;
  consumerName: string;
  eventType: string;
  error: string;
  prefix?: string;
}

/**
 * Stores a message with its error on `<prefix>.deadletter.<consumer>.<type>` and waits for the
 * stream's ack; only then may the caller `term()` the original. The Nats-Msg-Id names the
 * original stream position, so a crash between park and term parks it once, not twice.
 */
export async function parkMessage(js: JetStreamClient, request: ParkRequest): Promise<void> {
  const { msg } = request;
  const headers = natsHeaders();
  for (const name of msg.headers?.keys() ?? []) {
    // JetStream's own headers (Nats-Msg-Id, Nats-Expected-…) would interfere with the new stream.
    if (/^nats-/i.test(name)) continue;
    for (const value of msg.headers?.values(name) ?? []) headers.append(name, value);
  }
  headers.set(DEAD_LETTER_HEADERS.error, oneLine(request.error));
  headers.set(DEAD_LETTER_HEADERS.consumer, request.consumerName);
  headers.set(DEAD_LETTER_HEADERS.attempts, String(msg.info.deliveryCount));
  headers.set(DEAD_LETTER_HEADERS.originalSubject, msg.subject);
  headers.set(DEAD_LETTER_HEADERS.originalStream, msg.info.stream);
  headers.set(DEAD_LETTER_HEADERS.streamSeq, String(msg.info.streamSequence));
  headers.set(DEAD_LETTER_HEADERS.parkedAt, new Date().toISOString());
  await js.publish(deadLetterSubject(request.consumerName, request.eventType, request.prefix), msg.data, {
    headers,
    msgID: `deadletter:${request.consumerName}:${msg.info.stream}:${msg.info.streamSequence}`,
  });
}

function oneLine(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' | ').trim();
  return flat.length > MAX_ERROR_LENGTH ? `${flat.slice(0, MAX_ERROR_LENGTH - 1)}…` : flat || 'unknown error';
}
