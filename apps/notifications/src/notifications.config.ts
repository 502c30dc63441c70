import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceConfig, ToBoolean, ToInteger } from '@bildungsraum/platform';

/** Environment of the notifications service: the platform's settings plus delivery settings. */
export class NotificationsConfig extends ServiceConfig {
  @ToBoolean()
  @IsBoolean()
  OUTBOX_RELAY_ENABLED = true;

  /** Replicas that only serve HTTP can leave sending to others. Several workers are safe (SKIP LOCKED). */
  @ToBoolean()
  @IsBoolean()
  DELIVERY_WORKER_ENABLED = true;

  /** SMTP server for email, e.g. `smtp://127.0.0.1:1025` (the dev catcher) or `smtps://user:pass@host:465`. */
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'Bildungsraum <benachrichtigungen@bildungsraum.invalid>';

  /** Tests and local development deliver to loopback/private receivers only when this is set. */
  @ToBoolean()
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = false;

  @ToInteger()
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Keep-alive connections per receiver origin. */
  @ToInteger()
  @IsInt()
  @Min(1)
  WEBHOOK_CONNECTIONS_PER_ORIGIN = 4;

  /**
   * Deliveries in flight per connection (HTTP/1.1 pipelining). 1 = none; above 1 a connection
   * reset may resend a few deliveries with the same webhook-id, which receivers deduplicate.
   */
  @ToInteger()
  @IsInt()
  @Min(1)
  WEBHOOK_PIPELINING = 10;

  /** Bytes of a receiver's response body read before the connection is cut. */
  @ToInteger()
  @IsInt()
  @Min(0)
  WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

  /**
   * Delays before retry 1, 2, … in ms (comma-separated). Default ≈ 3 days in total:
   * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h. Each delay gets ±20 % jitter.
   */
  @IsOptional()
  @Matches(/^\d+(,\d+)*$/, { message: 'DELIVERY_RETRY_SCHEDULE_MS must be comma-separated milliseconds' })
  DELIVERY_RETRY_SCHEDULE_MS?: string;

  /** An endpoint failing without a single success for this long is disabled and its owner told. */
  @ToInteger()
  @IsInt()
  @Min(0)
  ENDPOINT_DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;

  /** How long a rotated-out webhook secret keeps signing beside the new one. */
  @ToInteger()
  @IsInt()
  @Min(0)
  SECRET_ROTATION_GRACE_MS = 24 * 3600 * 1000;

  /** Fallback poll of the delivery worker; NOTIFY wakes it at once in the normal path. */
  @ToInteger()
  @IsInt()
  @Min(10)
  DELIVERY_POLL_MS = 1000;

  /** At most 1,000: a batch's successes are one `delivery.succeeded.v2` event (ADR 0007). */
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  DELIVERY_BATCH_SIZE = 200;

  /**
   * Events the consumer records at once per stream. Order does not matter here: recording is
   * idempotent per (event, subscription) and the partner read model is version-guarded. Events
   * in flight together are recorded in one transaction (group commit), up to this many.
   */
  @ToInteger()
  @IsInt()
  @Min(1)
  CONSUMER_CONCURRENCY = 32;

  /**
   * Postgres connections of the service: consumer (CONSUMER_CONCURRENCY statements at once),
   * delivery lanes (a claim or a settle each), outbox relay and HTTP share them.
   */
  @ToInteger()
  @IsInt()
  @Min(2)
  DATABASE_POOL_SIZE = 20;

  /**
   * Batches a worker has in flight at once. Two of 200 rows cost less CPU per delivery than four
   * of 50 (claim and settle are mostly per batch: bench/notifications) for the same 400 in flight.
   */
  @ToInteger()
  @IsInt()
  @Min(1)
  DELIVERY_CONCURRENCY = 2;

  /** How long a claimed ('sending') row is left to its worker before another may take it over. */
  @ToInteger()
  @IsInt()
  @Min(1000)
  DELIVERY_LEASE_MS = 60_000;
}
