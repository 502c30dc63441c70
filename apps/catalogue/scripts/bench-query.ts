/** One search of the benchmark's mix, as both the HTTP run and the direct SQL run ask it. */
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

/** Provider ids of the bulk load: deterministic, so queries may name them. */
export const benchProviderId = (index: number): string => `bbbbbbbb-0000-4000-8000-${String(index).padStart(12, '0')}`;
