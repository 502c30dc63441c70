import { invalid } from '@bildungsraum/domain-kernel';

/**
 * Opaque cursor for keyset pagination: base64url of the last row's sort key and id. Clients
 * must not build it; a tampered cursor is a 422 naming the parameter, never a 500.
 */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

export function decodeCursor<T extends string | number | null>(cursor: string, kind: 'string' | 'number', pattern?: RegExp): { value: T; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/i.test(value[1])) {
      const [sort, id] = value as [unknown, string];
      if (typeof sort === kind && (!pattern || pattern.test(String(sort)))) return { value: sort as T, id };
    }
  } catch {
    // fall through to the problem below
  }
  throw invalid('cursor.invalid', 'Ungültiger Cursor / invalid cursor', [{ field: 'cursor', in: 'query', detail: 'cursor is not one this API issued' }]);
}
