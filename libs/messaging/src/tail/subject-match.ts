/**
 * NATS subject patterns: tokens separated by `.`, `*` matches one token, `>` (last) one or more.
 * The tail needs to know, per stream, which part of a developer's pattern the stream can hold.
 */

/**
 * The subjects both patterns match, as one pattern, or `undefined` when they cannot both match
 * any subject. `intersectSubjects('>', 'needs.>')` → `needs.>`;
 * `intersectSubjects('*.need.>', 'needs.>')` → `needs.need.>`;
 * `intersectSubjects('partners.>', 'needs.>')` → `undefined`.
 */
export function intersectSubjects(a: string, b: string): string | undefined {
  const left = a.split('.');
  const right = b.split('.');
  const result: string[] = [];
  for (let i = 0; ; i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined && y === undefined) return result.join('.');
    // `>` stands for one or more further tokens: the rest of the other pattern (at least one token).
    if (x === '>') return y === undefined ? undefined : [...result, ...right.slice(i)].join('.');
    if (y === '>') return x === undefined ? undefined : [...result, ...left.slice(i)].join('.');
    if (x === undefined || y === undefined) return undefined;
    if (x === '*') result.push(y);
    else if (y === '*' || x === y) result.push(x);
    else return undefined;
  }
}

const TOKEN = /^[^\s.*>]+$/;

/** A well-formed subject pattern: non-empty tokens, `>` only as the last one. */
export function isValidSubjectPattern(pattern: string): boolean {
  const tokens = pattern.split('.');
  return tokens.every((token, index) => token === '*' || (token === '>' && index === tokens.length - 1) || TOKEN.test(token));
}
