import { UnprocessableProblem } from '@bildungsraum/platform';

/**
 * Opaque cursor over a list's sort key (a tuple of strings), as the other services' lists use.
 * A cursor this API did not issue is a 422 problem, never a 500.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, shape: ReadonlyArray<RegExp>): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === shape.length && value.every((part, index) => typeof part === 'string' && shape[index]!.test(part))) return value as string[];
  } catch {
    // fall through to the problem below
  }
  throw new UnprocessableProblem('Ungültiger Cursor / invalid cursor', { errors: [{ field: 'cursor', pointer: 'cursor', in: 'query', messages: ['cursor is not one this API issued'] }] });
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const DISTRICT_PATTERN = /^\d{5}$/;
export const ANY_TEXT = /^.{1,300}$/s;

/** Collects positional SQL parameters ($1, $2, …) while a query is put together. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
