import { cursorPart, CursorPartCheck, decodeKeysetCursor, encodeKeysetCursor } from '@bildungsraum/platform';

/**
 * The platform's keyset cursor, typed for the pooling lists. A cursor this API did not issue is a
 * DomainError, which the service's DomainErrorInterceptor answers with a 422 problem.
 */
export function encodeCursor(key: readonly string[]): string {
  return encodeKeysetCursor(key);
}

export function decodeCursor(cursor: string, shape: readonly CursorPartCheck[]): string[] {
  return decodeKeysetCursor(cursor, shape) as string[];
}

/** Strict ISO timestamps only: the value is cast to timestamptz in SQL. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Gap report: (district, skill group). */
export const GAP_CURSOR: readonly CursorPartCheck[] = [cursorPart.matching(/^\d{5}$/), cursorPart.matching(/^.{1,300}$/s)];
/** Bundle list: (created_at, id), newest first. */
export const BUNDLE_CURSOR: readonly CursorPartCheck[] = [cursorPart.matching(ISO_TIMESTAMP), cursorPart.uuid];
