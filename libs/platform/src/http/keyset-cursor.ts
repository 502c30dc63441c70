import { invalid } from '@bildungsraum/domain-kernel';

/** One part of a list's sort key as it travels inside a cursor. */
export type CursorPart = string | number | null;

/** Accepts or refuses one decoded part (e.g. "a UUID", "an ISO timestamp"). */
export type CursorPartCheck = (part: unknown) => boolean;

/**
 * Opaque cursor for keyset pagination: base64url of the last row's sort key. Every list of
 * every service pages this way, so clients meet one format; they must not build cursors.
 */
export function encodeKeysetCursor(key: readonly CursorPart[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor whose parts must pass `shape` one by one. A cursor this API did not issue
 * (tampered, truncated, from another list) is a 422 naming the parameter, never a 500.
 */
export function decodeKeysetCursor(cursor: string, shape: readonly CursorPartCheck[]): CursorPart[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((part, index) => shape[index]!(part))) return value as CursorPart[];
  } catch {
    // fall through to the problem below
  }
  throw invalid('cursor.invalid', 'Ungültiger Cursor / invalid cursor', [{ field: 'cursor', in: 'query', detail: 'cursor is not one this API issued' }]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks for the usual cursor parts. */
export const cursorPart = {
  uuid: (part: unknown): boolean => typeof part === 'string' && UUID.test(part),
  timestamp: (part: unknown): boolean => typeof part === 'string' && !Number.isNaN(Date.parse(part)),
  text: (part: unknown): boolean => typeof part === 'string',
  number: (part: unknown): boolean => typeof part === 'number' && Number.isFinite(part),
  matching: (pattern: RegExp) => (part: unknown): boolean => typeof part === 'string' && pattern.test(part),
} as const;
