import { DomainError } from '@bildungsraum/domain-kernel';

/** Opaque cursor over (created_at, id), newest first. A tampered cursor is a 422, not a 500. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && typeof value[1] === 'string' && /^[0-9a-f-]{36}$/i.test(value[1])) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // fall through to the problem below
  }
  throw new DomainError('invalid', 'cursor.invalid', 'Ungültiger Cursor / invalid cursor', [{ field: 'cursor', in: 'query', detail: 'cursor is not one this API issued' }]);
}

/** Escapes LIKE wildcards so that a search for "100%" means the text "100%". */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
