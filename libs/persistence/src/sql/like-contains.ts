/**
 * A `LIKE … ESCAPE '\'` pattern for "contains this text", lower-cased: wildcards in the text are
 * escaped, so a search for "100%" means the text "100%" and not "100 and anything".
 */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
