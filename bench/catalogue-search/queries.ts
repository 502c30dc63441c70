import { Place } from './generator';

/** One search of the mix; the worker (apps/catalogue/scripts/bench-query.ts) reads the same shape. */
export interface BenchQuery {
  q?: string;
  lat: number;
  lon: number;
  radiusKm: number;
  format?: string;
  freeSeats?: number;
  maxPriceCents?: number;
  azav?: boolean;
  dqrLevel?: number;
  from?: string;
  to?: string;
  sort: 'relevance' | 'distance' | 'start';
  limit: number;
  facets: boolean;
}

/** What people type: topics, compounds, umlaut spellings, typos. */
const WORDS = [
  'CNC', 'Stapler', 'Gabelstapler', 'Schweißen', 'Schweissen', 'Pflege', 'Excel', 'DATEV', 'Buchhaltung', 'Deutsch B1', 'Deutsch',
  'Elektrofachkraft', 'Photovoltaik', 'Wärmepumpe', 'Führung', 'AEVO', 'Linux', 'SQL', 'Lagerlogistik', 'Ladungssicherung',
  'Gabelstaplr', 'Zerspanung', 'Demenz', 'Projektmanagement', 'Scrum', 'IT-Sicherheit', 'Hydraulik', 'Kran', 'Betreuungskraft', 'Meister',
];

/** Text + radius around a real postal code + some filters, sorted three ways, with facets. */
export function queryMix(next: () => number, places: Place[], count: number): BenchQuery[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, () => {
    const place = pick(places);
    const query: BenchQuery = {
      ...(next() < 0.85 ? { q: pick(WORDS) } : {}),
      lat: place.lat,
      lon: place.lon,
      radiusKm: pick([10, 25, 25, 50, 50, 100]),
      sort: pick(['relevance', 'relevance', 'distance', 'start'] as const),
      limit: 20,
      facets: true,
    };
    if (next() < 0.3) query.format = pick(['presence', 'online_live', 'blended']);
    if (next() < 0.3) query.freeSeats = pick([1, 2, 5]);
    if (next() < 0.2) query.maxPriceCents = pick([50000, 150000, 300000]);
    if (next() < 0.25) query.azav = true;
    if (next() < 0.15) query.dqrLevel = pick([2, 3, 4]);
    if (next() < 0.3) {
      const from = Math.floor(next() * 120);
      query.from = day(from);
      query.to = day(from + 90);
    }
    return query;
  });
}

export function queryString(query: BenchQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}
