import { TailedEvent } from './event-tail';

/**
 * One readable line per event for a developer's terminal:
 * `<stored at>  <subject>  <CloudEvent id>  subject=<ce-subject>  source=<ce-source>  <compact JSON>`.
 */
export function formatTailLine(event: TailedEvent): string {
  const { attributes } = event;
  return [
    event.storedAt.toISOString(),
    event.subject,
    attributes.id ?? '-',
    `subject=${attributes.subject ?? '-'}`,
    `source=${attributes.source ?? '-'}`,
    JSON.stringify(event.data),
  ].join('  ');
}

/**
 * One JSON line per event: the CloudEvent in structured mode (attributes and `data` in one
 * object), so the output can be piped into `jq` or saved as JSON Lines. Stream coordinates go
 * in extension-like `stream`/`streamseq` fields that do not clash with CloudEvent attributes.
 */
export function formatTailJson(event: TailedEvent): string {
  return JSON.stringify({ ...event.attributes, data: event.data, stream: event.stream, streamseq: event.streamSeq });
}

const UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `90s`, `15m`, `2h`, `7d`, `500ms` → milliseconds; `undefined` when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNITS_MS[match[2]];
}
