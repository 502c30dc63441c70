import { DEAD_LETTER_STREAM, EventDefinition, STREAMS } from '../../src';

/** Default retention of the event streams (libs/messaging DEFAULT_STREAM_SETTINGS; configurable per deployment). */
export const RETENTION_DAYS = 365;

/** The document's introduction, German first, then English (Markdown). */
export function infoDescription(): string {
  const streams = Object.entries(STREAMS)
    .map(([service, stream]) => `| \`${stream}\` | \`${service}.>\` | ${service} |`)
    .join('\n');
  return `Integrationsereignisse der Bildungsraum-Dienste auf NATS JetStream. Erzeugt aus den Vertragsklassen in \`libs/contracts\` (\`npm run asyncapi\`), nicht von Hand bearbeiten. Integrationsleitfaden: \`docs/events.md\`.

- **Subject**: \`<dienst>.<aggregat>.<ereignis>.v<major>\`, optional mit Präfix der Umgebung (\`<präfix>.\`). Eine inkompatible Änderung bekommt eine neue Major-Version (\`.v2\`), die neben \`.v1\` erscheint.
- **Umschlag**: CloudEvents 1.0 in NATS-Headern (\`ce-id\`, \`ce-source\`, \`ce-type\`, \`ce-specversion\`, \`ce-time\`, \`ce-subject\`, \`ce-datacontenttype\`, \`ce-correlationid\`, \`ce-causationid\`, \`traceparent\`), Nutzdaten als JSON im Body. \`Nats-Msg-Id\` = \`ce-id\`.
- **Zustellung**: mindestens einmal. Deduplizieren Sie über \`ce-id\` und ignorieren Sie Ereignisse mit einer \`version\` kleiner als der bekannten.
- **Aufbewahrung**: ein Stream je Dienst, ${RETENTION_DAYS} Tage (Standard), Wiedergabe ab Beginn mit einem eigenen Durable Consumer.
- **Keine personenbezogenen Daten**: Organisationen ja, Kontaktpersonen und E-Mail-Adressen nein.

Integration events of the Bildungsraum services on NATS JetStream. Generated from the contract classes in \`libs/contracts\` (\`npm run asyncapi\`); do not edit by hand. Integration guide: \`docs/events.md\`.

- **Subject**: \`<service>.<aggregate>.<event>.v<major>\`, optionally behind a deployment prefix (\`<prefix>.\`). A breaking change gets a new major (\`.v2\`), published beside \`.v1\`.
- **Envelope**: CloudEvents 1.0 in NATS headers (see \`CloudEventHeaders\`), JSON payload as the body. \`Nats-Msg-Id\` = \`ce-id\`.
- **Delivery**: at least once. Deduplicate on \`ce-id\` and ignore events whose \`version\` is older than the one you hold.
- **Retention**: one stream per service, ${RETENTION_DAYS} days by default; replay from the start with a durable consumer of your own.
- **No personal data**: organisations yes, contact persons and email addresses no.

| Stream | Subjects | Dienst / service |
|---|---|---|
${streams}
| \`${DEAD_LETTER_STREAM}\` | \`deadletter.>\` | Dead letters (alle / all) |
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
