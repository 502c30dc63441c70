import { DEAD_LETTER_STREAM, EventDefinition, STREAMS } from '../../src';

/** Default retention of the event streams (libs/messaging DEFAULT_STREAM_SETTINGS; configurable per deployment). */
export const RETENTION_DAYS = 365;
/** JetStream's duplicate window for a repeated `Nats-Msg-Id` (libs/messaging DEFAULT_STREAM_SETTINGS). */
export const DUPLICATE_WINDOW_MINUTES = 2;

/**
 * How every stream is configured (libs/messaging `ensureStream`), as a specification extension
 * on each channel, so tooling can read stream name and retention without parsing prose.
 */
export function jetStreamBinding(stream: string, subjects: string): Record<string, unknown> {
  return {
    stream,
    subjects,
    retention: 'limits',
    maxAge: `P${RETENTION_DAYS}D`,
    storage: 'file',
    discard: 'old',
    duplicateWindow: `PT${DUPLICATE_WINDOW_MINUTES}M`,
  };
}

const ATTACH_EXAMPLE = [
  '```sh',
  'nats consumer add PARTNERS mein-system --pull --deliver all --ack explicit --filter "partners.>" --max-deliver 10 --defaults',
  'nats consumer next PARTNERS mein-system --count 10',
  '```',
].join('\n');

/** The document's introduction, German first, then English (Markdown). */
export function infoDescription(): string {
  const streams = Object.entries(STREAMS)
    .map(([service, stream]) => `| \`${stream}\` | \`${service}.>\` | ${service} | ${RETENTION_DAYS} d |`)
    .join('\n');
  return `Integrationsereignisse der Bildungsraum-Dienste auf NATS JetStream. Erzeugt aus den Vertragsklassen in \`libs/contracts\` (\`npm run asyncapi\`), nicht von Hand bearbeiten. Integrationsleitfaden: \`docs/events.md\`.

- **Subject**: \`<dienst>.<aggregat>.<ereignis>.v<major>\`, optional mit Präfix der Umgebung (\`<präfix>.\`). Eine inkompatible Änderung bekommt eine neue Major-Version (\`.v2\`), die neben \`.v1\` erscheint.
- **Umschlag**: CloudEvents 1.0 in NATS-Headern (\`ce-id\`, \`ce-source\`, \`ce-type\`, \`ce-specversion\`, \`ce-time\`, \`ce-subject\`, \`ce-datacontenttype\`, \`ce-correlationid\`, \`ce-causationid\`, \`traceparent\`), Nutzdaten als JSON im Body. \`Nats-Msg-Id\` = \`ce-id\`.
- **Zustellung**: mindestens einmal. Deduplizieren Sie über \`ce-id\` und ignorieren Sie Ereignisse mit einer \`version\` kleiner als der bekannten.
- **Aufbewahrung**: ein Stream je Dienst, nach Alter begrenzt: ${RETENTION_DAYS} Tage (Standard, je Installation einstellbar), Dateispeicher, älteste zuerst verworfen; Duplikatfenster ${DUPLICATE_WINDOW_MINUTES} Minuten. Jeder Kanal nennt Stream und Einstellungen in \`x-jetstream\`.
- **Anbinden und Wiedergabe**: ein eigener Durable Pull Consumer je Stream (\`deliver_policy: all\` liest die ganze Historie ab Beginn, \`ack_policy: explicit\`), bestätigen erst nach dem eigenen Commit. Beispiel mit der nats CLI (Code für nats.js in \`docs/events.md\`):

  ${ATTACH_EXAMPLE.replace(/\n/g, '\n  ')}

- **Dead Letters**: Was die Consumer der Plattform nicht verarbeiten können, parken sie auf \`deadletter.<consumer>.<ereignistyp>\` (Stream \`${DEAD_LETTER_STREAM}\`), unverändert mit den \`ce-*\`-Headern und zusätzlichen \`x-deadletter-*\`-Headern; ein Operator zeigt und wiederholt sie mit \`npm run deadletters -- list|replay <seq>\`.
- **Keine personenbezogenen Daten**: Organisationen ja, Kontaktpersonen und E-Mail-Adressen nein.

Integration events of the Bildungsraum services on NATS JetStream. Generated from the contract classes in \`libs/contracts\` (\`npm run asyncapi\`); do not edit by hand. Integration guide: \`docs/events.md\`.

- **Subject**: \`<service>.<aggregate>.<event>.v<major>\`, optionally behind a deployment prefix (\`<prefix>.\`). A breaking change gets a new major (\`.v2\`), published beside \`.v1\`.
- **Envelope**: CloudEvents 1.0 in NATS headers (see \`CloudEventHeaders\`), JSON payload as the body. \`Nats-Msg-Id\` = \`ce-id\`.
- **Delivery**: at least once. Deduplicate on \`ce-id\` and ignore events whose \`version\` is older than the one you hold.
- **Retention**: one stream per service, limited by age: ${RETENTION_DAYS} days by default (configurable per deployment), file storage, oldest discarded first; duplicate window ${DUPLICATE_WINDOW_MINUTES} minutes. Every channel names its stream and settings in \`x-jetstream\`.
- **Attaching and replay**: a durable pull consumer of your own per stream (\`deliver_policy: all\` reads the whole history from the start, \`ack_policy: explicit\`); acknowledge only after your own commit. With the nats CLI as above; nats.js code in \`docs/events.md\`.
- **Dead letters**: the platform's own consumers park what they cannot process on \`deadletter.<consumer>.<event type>\` (stream \`${DEAD_LETTER_STREAM}\`), original payload and \`ce-*\` headers plus \`x-deadletter-*\` headers; operators list and replay them with \`npm run deadletters -- list|replay <seq>\`.
- **No personal data**: organisations yes, contact persons and email addresses no.

| Stream | Subjects | Dienst / service | Aufbewahrung / retention |
|---|---|---|---|
${streams}
| \`${DEAD_LETTER_STREAM}\` | \`deadletter.>\` | Dead letters (alle / all) | ${RETENTION_DAYS} d |
`;
}

export const SUBJECTS_START = '<!-- generated:subjects:start (npm run asyncapi) -->';
export const SUBJECTS_END = '<!-- generated:subjects:end -->';

/** The subject table of docs/events.md, regenerated between its markers. */
export function subjectTable(catalog: ReadonlyArray<EventDefinition>): string {
  const rows = [...catalog]
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
    .map((event) => `| \`${event.type}\` | \`${STREAMS[event.service]}\` | ${event.summary} | [schema](schemas/${event.type}.schema.json) |`);
  return ['| Subject | Stream | Bedeutung / meaning | Payload |', '|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the generated section of a Markdown text; the text is returned unchanged without markers. */
export function withSubjectTable(markdown: string, catalog: ReadonlyArray<EventDefinition>): string {
  const start = markdown.indexOf(SUBJECTS_START);
  const end = markdown.indexOf(SUBJECTS_END);
  if (start < 0 || end < start) return markdown;
  return `${markdown.slice(0, start + SUBJECTS_START.length)}\n${subjectTable(catalog)}\n${markdown.slice(end)}`;
}
