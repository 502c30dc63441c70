/**
 * Splits an ESCO label list. The official per-language files put one label per line inside a
 * quoted field; the thematic collection files join them with " | ". Duplicates and the
 * preferred label itself are dropped (collections repeat it among the alternatives).
 */
export function splitLabels(value: string, preferred?: string): string[] {
  const seen = new Set<string>(preferred ? [preferred.toLowerCase()] : []);
  const labels: string[] = [];
  for (const raw of value.split(/\r?\n| \| /)) {
    const label = raw.trim();
    const key = label.toLowerCase();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    labels.push(label);
  }
  return labels;
}

/** Concept URIs of the ESCO data set (skills, skill groups, ISCED-F fields, occupations). */
export function isEscoUri(value: string): boolean {
  return /^https?:\/\/data\.europa\.eu\/esco\/[a-z-]+\/[A-Za-z0-9.-]+$/.test(value);
}

/** URI lists in one field: newline- or " | "-separated. */
export function splitUris(value: string): string[] {
  return value
    .split(/\s*\|\s*|\s+/)
    .map((uri) => uri.trim())
    .filter(isEscoUri);
}
