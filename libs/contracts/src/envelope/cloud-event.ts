/**
 * CloudEvents 1.0 envelope as Bildungsraum carries it: the attributes travel in NATS headers
 * (`ce-<attribute>`), the JSON payload is the message body. `correlationid`, `causationid` and
 * `traceparent` are extension attributes that let one request be followed across services.
 */
export interface CloudEventAttributes {
  /** Unique event id (UUID); also the JetStream `Nats-Msg-Id`, so duplicates inside the window are dropped. */
  id: string;
  /** URI reference of the producer, e.g. `/bildungsraum/partners`. */
  source: string;
  /** The event type, equal to the unprefixed subject, e.g. `partners.partner.registered.v1`. */
  type: string;
  specversion: '1.0';
  /** RFC 3339 timestamp of the state change. */
  time: string;
  /** The aggregate the event is about, e.g. the partner's id. */
  subject: string;
  datacontenttype: 'application/json';
  correlationid?: string;
  causationid?: string;
  traceparent?: string;
}

export interface CloudEvent<TData = unknown> extends CloudEventAttributes {
  data: TData;
}

/** Header prefix for CloudEvents attributes in the NATS binary content mode. */
export const CE_HEADER_PREFIX = 'ce-';

const ATTRIBUTE_NAMES: ReadonlyArray<keyof CloudEventAttributes> = [
  'id',
  'source',
  'type',
  'specversion',
  'time',
  'subject',
  'datacontenttype',
  'correlationid',
  'causationid',
  'traceparent',
];

/** Headers to publish for an envelope (without the payload). `traceparent` keeps its W3C name. */
export function toHeaders(attributes: CloudEventAttributes): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ATTRIBUTE_NAMES) {
    const value = attributes[name];
    if (value === undefined) continue;
    headers[name === 'traceparent' ? 'traceparent' : `${CE_HEADER_PREFIX}${name}`] = value;
  }
  return headers;
}

/** Reads the envelope attributes back from message headers; returns the names that are missing. */
export function fromHeaders(read: (name: string) => string | undefined): {
  attributes: Partial<CloudEventAttributes>;
  missing: string[];
} {
  const attributes: Record<string, string> = {};
  for (const name of ATTRIBUTE_NAMES) {
    const value = read(name === 'traceparent' ? 'traceparent' : `${CE_HEADER_PREFIX}${name}`);
    if (value) attributes[name] = value;
  }
  const required: Array<keyof CloudEventAttributes> = ['id', 'source', 'type', 'specversion', 'time', 'subject'];
  const missing = required.filter((name) => !attributes[name]);
  return { attributes: attributes as Partial<CloudEventAttributes>, missing };
}
