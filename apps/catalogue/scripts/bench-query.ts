import { SearchCriteria } from '../src/search/search-criteria';

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

/** The criteria the API builds from the same query (lat/lon given, so no postal-code look-up). */
export function criteriaOf(query: BenchQuery, today: string): SearchCriteria {
  return {
    ...(query.q ? { text: query.q } : {}),
    point: { lat: query.lat, lon: query.lon },
    radiusKm: query.radiusKm,
    ...(query.format ? { formats: [query.format] } : {}),
    ...(query.freeSeats ? { freeSeats: query.freeSeats } : {}),
    ...(query.maxPriceCents ? { maxPriceCents: query.maxPriceCents } : {}),
    ...(query.azav !== undefined ? { azav: query.azav } : {}),
    ...(query.dqrLevel ? { dqrLevel: query.dqrLevel } : {}),
    ...(query.from ? { from: query.from, to: query.to } : {}),
    sort: query.sort,
    limit: query.limit,
    facets: query.facets,
    today,
    // Like the service (CatalogueConfig.SEARCH_COUNT_CAP), so both runs of the bench gather alike.
    ...(process.env.SEARCH_COUNT_CAP ? { countCap: Number(process.env.SEARCH_COUNT_CAP) } : {}),
  };
}
