import { CloudEventAttributes, toHeaders } from '../../src';
import { JsonSchema } from './payload-schemas';

/**
 * One envelope with every attribute set to a distinct value, so the header names come from
 * `toHeaders` itself (each header is matched to its attribute by value).
 */
const FULL_ENVELOPE: CloudEventAttributes = {
  id: '0b9e2c52-8f0e-4a57-9d55-6f0f4d1c2a11',
  source: '/bildungsraum/partners',
  type: 'partners.partner.registered.v1',
  specversion: '1.0',
  time: '2026-03-02T09:30:00.000Z',
  subject: '6f1c3e0a-5a43-4b8e-9d8e-2f3f6b1d7c20',
  datacontenttype: 'application/json',
  correlationid: '5d2f0a9e-7c1b-4e3a-8f6d-9a0b1c2d3e4f',
  causationid: 'c3a1f8de-2f5b-4c9a-8e57-1a2b3c4d5e6f',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

const ATTRIBUTE_SCHEMAS: Record<keyof CloudEventAttributes, JsonSchema> = {
  id: { type: 'string', format: 'uuid', description: 'Eindeutige Ereignis-ID; auch Nats-Msg-Id / unique event id; also the Nats-Msg-Id. Deduplicate on it.' },
  source: { type: 'string', pattern: '^/bildungsraum/[a-z]+$', description: 'Erzeugender Dienst / producing service, e.g. /bildungsraum/partners' },
  type: { type: 'string', pattern: '^[a-z]+\\.[a-z-]+\\.[a-z-]+\\.v\\d+$', description: 'Ereignistyp = Subject ohne Präfix / event type = subject without prefix' },
  specversion: { type: 'string', enum: ['1.0'] },
  time: { type: 'string', format: 'date-time', description: 'Zeitpunkt der Zustandsänderung (RFC 3339) / time of the state change' },
  subject: { type: 'string', description: 'ID des Aggregats / id of the aggregate the event is about' },
  datacontenttype: { type: 'string', enum: ['application/json'] },
  correlationid: { type: 'string', description: 'Verbindet alles, was eine Anfrage auslöste / ties together everything one request set off' },
  causationid: { type: 'string', description: 'ID des auslösenden Ereignisses oder der Anfrage / id of the event or request that caused this one' },
  traceparent: { type: 'string', pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$', description: 'W3C Trace Context' },
};

const REQUIRED: Array<keyof CloudEventAttributes> = ['id', 'source', 'type', 'specversion', 'time', 'subject', 'datacontenttype'];

/** CloudEvents 1.0 binary mode on NATS: the `ce-*` headers (plus JetStream's dedupe header). */
export function cloudEventHeadersSchema(): JsonSchema {
  const headerOf = toHeaders(FULL_ENVELOPE);
  const attributes = Object.keys(FULL_ENVELOPE) as Array<keyof CloudEventAttributes>;
  const byHeader = Object.keys(headerOf).map((header) => {
    const attribute = attributes.find((name) => FULL_ENVELOPE[name] === headerOf[header]);
    if (!attribute) throw new Error(`Header ${header} does not map to a CloudEvents attribute`);
    return { header, attribute };
  });
  return {
    type: 'object',
    description: 'CloudEvents 1.0 (NATS binary content mode): Attribute als Header, Nutzdaten als JSON-Body / attributes as headers, payload as JSON body.',
    properties: {
      ...Object.fromEntries(byHeader.map(({ header, attribute }) => [header, ATTRIBUTE_SCHEMAS[attribute]])),
      'Nats-Msg-Id': { type: 'string', description: 'Gleich ce-id: JetStream verwirft Duplikate im Fenster / equals ce-id: JetStream drops duplicates within its window' },
      'content-type': { type: 'string', enum: ['application/json'] },
    },
    required: byHeader.filter(({ attribute }) => REQUIRED.includes(attribute)).map(({ header }) => header),
    examples: [{ ...headerOf, 'Nats-Msg-Id': FULL_ENVELOPE.id, 'content-type': 'application/json' }],
  };
}

/** Extra headers on a parked (dead-lettered) message, set by the messaging library. */
export function deadLetterHeadersSchema(): JsonSchema {
  const text = (description: string) => ({ type: 'string', description });
  return {
    allOf: [
      { $ref: '#/components/schemas/CloudEventHeaders' },
      {
        type: 'object',
        properties: {
          'x-deadletter-error': text('Fehlermeldung (eine Zeile, max. 2000 Zeichen) / error message (one line, at most 2000 characters)'),
          'x-deadletter-consumer': text('Durable Consumer, der aufgab / durable consumer that gave up'),
          'x-deadletter-attempts': text('Anzahl Zustellversuche / delivery attempts'),
          'x-deadletter-original-subject': text('Ursprüngliches Subject / original subject'),
          'x-deadletter-original-stream': text('Ursprünglicher Stream / original stream'),
          'x-deadletter-stream-seq': text('Sequenz im ursprünglichen Stream / sequence in the original stream'),
          'x-deadletter-parked-at': { type: 'string', format: 'date-time', description: 'Zeitpunkt des Parkens / when it was parked' },
        },
        required: ['x-deadletter-error', 'x-deadletter-consumer', 'x-deadletter-original-subject'],
      },
    ],
  };
}
