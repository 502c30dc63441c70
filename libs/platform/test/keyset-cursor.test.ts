import { DomainError } from '@bildungsraum/domain-kernel';
import { cursorPart, decodeKeysetCursor, encodeKeysetCursor } from '../src';

const ID = '0b6c3c0e-2f7a-4c53-9a43-8a2d1c7e5f10';

describe('keyset cursors', () => {
  it('round-trip a sort key of strings, numbers and null', () => {
    const cursor = encodeKeysetCursor(['2026-11-21T10:00:00.000Z', 42, null, ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const shape = [cursorPart.timestamp, cursorPart.number, (part: unknown) => part === null, cursorPart.uuid];
    expect(decodeKeysetCursor(cursor, shape)).toEqual(['2026-11-21T10:00:00.000Z', 42, null, ID]);
  });

  it.each([
    ['not base64 JSON', 'lkjsdf$$'],
    ['a different length', encodeKeysetCursor([ID])],
    ['a part of the wrong kind', encodeKeysetCursor(['Metallbau', 'no-uuid'])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
  ])('refuse %s as invalid (422) naming the cursor parameter', (_name, cursor) => {
    let error: unknown;
    try {
      decodeKeysetCursor(cursor, [cursorPart.text, cursorPart.uuid]);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'cursor.invalid', fields: [{ field: 'cursor', in: 'query' }] });
  });

  it('check parts by pattern', () => {
    expect(cursorPart.matching(/^\d{5}$/)('06635')).toBe(true);
    expect(cursorPart.matching(/^\d{5}$/)(6635)).toBe(false);
  });
});
