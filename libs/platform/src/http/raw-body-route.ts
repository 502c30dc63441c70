import type { Request } from 'express';

/**
 * A route that also takes a non-JSON body, such as a CSV file sent as `text/csv`. The platform
 * reads the bytes (up to `limit`) and hands `toBody(bytes, request)` to the route as if it had
 * arrived as JSON, so the route keeps one DTO and one validation path for both formats.
 */
export interface RawBodyRoute {
  /** Express path of the route, e.g. `/need-imports`. */
  path: string;
  /** Default `POST`. */
  method?: string;
  /** Media types taken raw, e.g. `['text/csv']`; JSON stays accepted as well. */
  types: string[];
  /** Size limit for the raw bytes, e.g. `'4mb'`; larger bodies get 413. */
  limit: string;
  /** Turns the bytes and the request (its query, say) into the JSON-shaped body the DTO validates. */
  toBody(bytes: Buffer, request: Request): Record<string, unknown>;
}

export function rawBodyRouteFor(routes: readonly RawBodyRoute[], request: Request): RawBodyRoute | undefined {
  return routes.find((route) => (route.method ?? 'POST') === request.method && route.path === request.path && request.is(route.types) !== false);
}
