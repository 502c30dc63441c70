const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * The search form of a label or query: lower case, German umlauts spelled out (ä→ae, ß→ss, so
 * "Fräsen" and "Fraesen" meet), other accents removed, every run of characters other than
 * letters, digits, "+" and "#" (C++, C#) turned into one space.
 * Done in TypeScript at import and query time rather than with the `unaccent` extension: the
 * same function on both sides needs no extension, no IMMUTABLE wrapper and folds the German
 * way (unaccent would turn "ä" into "a").
 */
export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

/** Escapes LIKE wildcards in a folded term. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
