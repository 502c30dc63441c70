import { IsBoolean, IsInt, Min } from 'class-validator';
import { ServiceConfig, ToBoolean, ToInteger } from '@bildungsraum/platform';

/** Environment of the needs service: the platform's settings plus its own. */
export class NeedsConfig extends ServiceConfig {
  /** CSV uploads arrive as JSON (see README); the default leaves room for ~10,000 rows. */
  override HTTP_BODY_LIMIT = '4mb';

  /** Replicas that should only serve HTTP can leave the relay to others (`false`). */
  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  /**
   * Shortest time in ms between two claims of the outbox relay that follow notifications (0 =
   * claim at every commit). Steady single-need commits then share a relay batch instead of each
   * costing a claim and a commit round trip; events reach the stream up to this much later.
   */
  @ToInteger()
  @IsInt()
  @Min(0)
  OUTBOX_CLAIM_INTERVAL_MS = 10;

  /** Seconds between expiry sweeps (0 = off); replicas share the work with SKIP LOCKED. */
  @ToInteger()
  @IsInt()
  @Min(0)
  EXPIRY_SWEEP_SECONDS = 60;

  /** Postgres connections of the service's pool. */
  @ToInteger()
  @IsInt()
  @Min(2)
  DATABASE_POOL_SIZE = 20;
}
