import { cursorPart, decodeKeysetCursor, encodeKeysetCursor } from '@bildungsraum/platform';

/** Lists of needs page over (created_at, id), newest first. */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

export const encodeCursor = (position: KeysetPosition): string => encodeKeysetCursor([position.createdAt, position.id]);

export function decodeCursor(cursor: string): KeysetPosition {
  const [createdAt, id] = decodeKeysetCursor(cursor, [cursorPart.timestamp, cursorPart.uuid]) as [string, string];
  return { createdAt, id };
}
