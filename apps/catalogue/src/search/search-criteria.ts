/** What a search asks, after validation (HTTP query or the benchmark's direct SQL run). */
export interface SearchCriteria {
  text?: string;
  point?: { lat: number; lon: number };
  radiusKm?: number;
  formats?: string[];
  schedules?: string[];
  /** Dates starting within [from, to] (YYYY-MM-DD). */
  from?: string;
  to?: string;
  freeSeats?: number;
  maxPriceCents?: number;
  azav?: boolean;
  programme?: string;
  targetGroup?: string;
  dqrLevel?: number;
  language?: string;
  providerId?: string;
  sort: SearchSort;
  limit: number;
  after?: { value: string | number | null; id: string };
  facets: boolean;
  /** Calendar day from which dates count as current (freshness). */
  today: string;
  /** Hits gathered at most (counts, facets, relevance candidates); COUNT_CAP unless configured. */
  countCap?: number;
}

export const SEARCH_SORTS = ['relevance', 'distance', 'start'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Lower case, umlauts and ß folded, split into words: the same folding the index uses. */
export function searchWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  return [...new Set(folded.split(/[^a-z0-9]+/).filter((word) => word.length >= 2))].slice(0, 8);
}

/**
 * `(word:* | similar | …) & (…)`: every word must match, as a prefix or through a lexicon word
 * within typo distance. Words are [a-z0-9] only, so the string is safe for to_tsquery.
 */
export function tsQueryText(words: readonly string[], similar: ReadonlyMap<string, readonly string[]>): string {
  return words.map((word) => `(${[`${word}:*`, ...(similar.get(word) ?? [])].join(' | ')})`).join(' & ');
}
