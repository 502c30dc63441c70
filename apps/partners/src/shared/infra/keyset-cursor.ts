import { cursorPart, decodeKeysetCursor, encodeKeysetCursor } from '@bildungsraum/platform';

/** Lists of organisations and networks page over (name, id). */
export interface KeysetPosition {
  name: string;
  id: string;
}

export const encodeCursor = (position: KeysetPosition): string => encodeKeysetCursor([position.name, position.id]);

export function decodeCursor(cursor: string): KeysetPosition {
  const [name, id] = decodeKeysetCursor(cursor, [cursorPart.text, cursorPart.uuid]) as [string, string];
  return { name, id };
}
