import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ServiceConfig, ToBoolean, ToInteger } from '@bildungsraum/platform';

/** Environment of the matching service: the platform's settings plus its own. */
export class MatchingConfig extends ServiceConfig {
  override PORT = 3004;

  /** Replicas that should only serve HTTP can leave the relay to others (`false`). */
  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  /** Postgres connections of the service's pool. */
  @ToInteger()
  @IsInt()
  @Min(2)
  DATABASE_POOL_SIZE = 10;

  /** Proposals kept per need (the best ones above MATCH_MIN_SCORE_PERCENT). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(50)
  MATCH_TOP_N = 5;

  /**
   * Bundle places per need: its best poolable course dates (those with a minimum of participants)
   * above MATCH_MIN_SCORE_PERCENT. Bounded, so a need's cost does not grow with the catalogue.
   */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  MATCH_POOL_FITS = 10;

  /** Proposals scoring below this percentage (0–100) are not made. */
  @ToInteger()
  @IsInt()
  @Min(0)
  @Max(100)
  MATCH_MIN_SCORE_PERCENT = 40;

  /**
   * Criterion weights as `criterion=weight` pairs separated by commas, e.g. `skills=5,distance=2`;
   * criteria not named keep their defaults (domain/weights.ts).
   */
  @IsOptional()
  @IsString()
  MATCH_WEIGHTS?: string;

  /** Seconds between sweeps for proposals whose course date has started (0 = off). */
  @ToInteger()
  @IsInt()
  @Min(0)
  PASSED_DATE_SWEEP_SECONDS = 900;

  /**
   * Where a need's course dates are ranked: `memory`, the course date index each replica keeps
   * (ADR 0009; ~1 KB per published date), or `sql`, a ranking statement per step (no memory, but
   * 40–90 ms per need with a common skill at 100,000 offers).
   */
  @IsIn(['memory', 'sql'])
  MATCH_RETRIEVAL: 'memory' | 'sql' = 'memory';

  /** Travel radius (km) assumed when a need names none. */
  @ToInteger()
  @IsInt()
  @Min(1)
  DEFAULT_TRAVEL_KM = 50;
}
