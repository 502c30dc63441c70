import { DEAD_LETTER_STREAM, EventDefinition, STREAMS } from '../../src';
import { cloudEventHeadersSchema, deadLetterHeadersSchema } from './envelope-schemas';
import { infoDescription, jetStreamBinding, RETENTION_DAYS } from './descriptions';
import { classSchemas, JsonSchema } from './payload-schemas';

const SCHEMAS = '#/components/schemas/';

/** `partners.partner.registered.v1` → `partnersPartnerRegisteredV1` (ids allow letters, digits, - and _). */
export function componentId(type: string): string {
  return type
    .split(/[.-]/)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/**
 * The AsyncAPI 3.0 document of all integration events: one channel per subject (with the
 * optional deployment prefix as parameter), one `send` operation per event from the point of
 * view of the service that publishes it, messages with the CloudEvents headers and the payload
 * schema generated from the contract classes. Collections are sorted by key so that the same
 * catalogue always renders to the same bytes.
 */
export function buildAsyncApiDocument(catalog: ReadonlyArray<EventDefinition>, version: string): Record<string, unknown> {
  const events = [...catalog].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const payloadSchemas = classSchemas(events.map((event) => event.payload), SCHEMAS);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const event of events) {
    const id = componentId(event.type);
    const stream = STREAMS[event.service];
    channels[id] = {
      address: `{prefix}${event.type}`,
      title: event.type,
      summary: event.summary,
      description: [
        `Stream \`${stream}\` (Subjects \`${event.service}.>\`), Aufbewahrung ${RETENTION_DAYS} Tage (Standard, konfigurierbar).`,
        `Stream \`${stream}\` (subjects \`${event.service}.>\`), retained for ${RETENTION_DAYS} days (default, configurable), so new consumers can replay from the start.`,
      ].join('\n\n'),
      parameters: { prefix: { $ref: '#/components/parameters/prefix' } },
      messages: { [id]: { $ref: `#/components/messages/${id}` } },
      'x-jetstream': jetStreamBinding(stream, `${event.service}.>`),
    };
    operations[`send${id.charAt(0).toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `${event.service}: ${event.type}`,
      summary: event.summary,
      description: [
        `Der Dienst \`${event.service}\` veröffentlicht dieses Ereignis über seine transaktionale Outbox (mindestens einmal; ce-id bleibt bei Wiederholung gleich).`,
        `The \`${event.service}\` service publishes this event through its transactional outbox (at least once; ce-id stays the same on retries).`,
      ].join('\n\n'),
      tags: [{ name: event.service }],
      messages: [{ $ref: `#/channels/${id}/messages/${id}` }],
    };
    messages[id] = {
      name: event.type,
      title: event.payload.name,
      summary: event.summary,
      contentType: 'application/json',
      correlationId: { $ref: '#/components/correlationIds/correlationId' },
      headers: { $ref: `${SCHEMAS}CloudEventHeaders` },
      payload: { $ref: `${SCHEMAS}${event.payload.name}` },
      tags: [{ name: event.service }],
    };
  }
  channels.deadLetters = {
    address: '{prefix}deadletter.{consumer}.{eventType}',
    title: 'Dead letters',
    summary: 'Geparkte Nachrichten / parked messages',
    description: [
      `Stream \`${DEAD_LETTER_STREAM}\`: Nachrichten, die ein Consumer nach max_deliver Versuchen (oder sofort bei Vertragsverletzung) aufgibt, mit Fehler; ein Operator kann sie erneut einspielen.`,
      `Stream \`${DEAD_LETTER_STREAM}\`: messages a consumer gave up on after max_deliver attempts (or at once when the payload breaks its contract), with the error; an operator can replay them.`,
      'Zeigen und wiederholen / list and replay: `npm run deadletters -- list [--consumer <name>] [--json]`, `npm run deadletters -- replay <seq>`. Die Wiederholung behält die ce-id / the replay keeps its ce-id.',
    ].join('\n\n'),
    parameters: {
      prefix: { $ref: '#/components/parameters/prefix' },
      consumer: { description: 'Name des Durable Consumers / durable consumer name' },
      eventType: { description: 'Ereignistyp, z. B. / event type, e.g. partners.partner.registered.v1' },
    },
    messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
    'x-jetstream': jetStreamBinding(DEAD_LETTER_STREAM, 'deadletter.>'),
  };
  messages.deadLetter = {
    name: 'deadletter',
    title: 'Dead letter',
    summary: 'Ursprüngliche Nachricht plus Fehler-Header / the original message plus error headers',
    contentType: 'application/json',
    headers: { $ref: `${SCHEMAS}DeadLetterHeaders` },
    payload: { description: 'Die ursprünglichen Nutzdaten, unverändert / the original payload, unchanged' },
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Bildungsraum – Integrationsereignisse / integration events',
      version,
      description: infoDescription(),
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
      tags: Object.keys(STREAMS).map((service) => ({ name: service, description: `Stream ${STREAMS[service as keyof typeof STREAMS]}` })),
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'NATS mit JetStream (lokal; im Betrieb die NATS_URL der Umgebung) / NATS with JetStream (local; in production the environment\'s NATS_URL)',
      },
    },
    channels: sortByKey(channels),
    operations: sortByKey(operations),
    components: {
      schemas: sortByKey({
        CloudEventHeaders: cloudEventHeadersSchema(),
        DeadLetterHeaders: deadLetterHeadersSchema(),
        ...Object.fromEntries(payloadSchemas),
      } as Record<string, JsonSchema>),
      messages: sortByKey(messages),
      parameters: {
        prefix: {
          description:
            'Optionales Präfix der Umgebung (BILDUNGSRAUM_SUBJECT_PREFIX) mit abschließendem Punkt, z. B. `staging.`; leer ohne Präfix. Es gilt auch für Stream- und Consumer-Namen (`staging_PARTNERS`). / Optional deployment prefix (BILDUNGSRAUM_SUBJECT_PREFIX) followed by a dot, e.g. `staging.`; empty without prefix. It also applies to stream and consumer names (`staging_PARTNERS`).',
          default: '',
          examples: ['', 'staging.'],
        },
      },
      correlationIds: {
        correlationId: {
          description: 'Korrelations-ID über Dienste hinweg / correlation id across services',
          location: '$message.header#/ce-correlationid',
        },
      },
    },
  };
}

function sortByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
