import { likeContains } from './like-contains';

describe('likeContains', () => {
  it('lower-cases and escapes LIKE wildcards and the escape character', () => {
    expect(likeContains('Stapler')).toBe('%stapler%');
    expect(likeContains('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
