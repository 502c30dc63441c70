import { CursorPart, cursorPart, decodeKeysetCursor, encodeKeysetCursor } from '@bildungsraum/platform';

/** Catalogue lists page over (sort value, id); the sort value is text, a number or null. */
export const encodeCursor = (sortValue: CursorPart, id: string): string => encodeKeysetCursor([sortValue, id]);

export function decodeCursor<T extends CursorPart>(cursor: string, kind: 'string' | 'number', pattern?: RegExp): { value: T; id: string } {
  const sortValue = (part: unknown): boolean => typeof part === kind && (!pattern || pattern.test(String(part)));
  const [value, id] = decodeKeysetCursor(cursor, [sortValue, cursorPart.uuid]);
  return { value: value as T, id: id as string };
}
