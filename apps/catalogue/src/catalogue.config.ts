import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { ServiceConfig, ToBoolean, ToInteger } from '@bildungsraum/platform';

/** Environment of the catalogue service: the platform's settings plus its own. */
export class CatalogueConfig extends ServiceConfig {
  /** Replicas that should only serve HTTP can leave the relay to others (`false`). */
  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  /** Largest radius a search may ask for, in km. */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  SEARCH_MAX_RADIUS_KM = 300;

  /**
   * Hits a search gathers at most: the total counts up to it ("1,000+"), the facets are counted
   * over them (estimates beyond), relevance ranks them. It bounds the work of the broadest search.
   */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  SEARCH_COUNT_CAP = 1000;

  /** Connections per replica; the search runs one statement per request. */
  @ToInteger()
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 20;
}
