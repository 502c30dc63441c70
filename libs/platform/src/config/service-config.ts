import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { AuthSettings } from './auth-settings';
import { ToBoolean, ToInteger } from './transforms';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const PORT_MESSAGE = 'PORT must be an integer between 0 and 65535';

/**
 * What every service needs from its environment. A service extends this class with its own
 * variables and calls `loadConfig(TheirConfig)`.
 */
export class ServiceConfig extends AuthSettings {
  @ToInteger()
  @IsInt({ message: PORT_MESSAGE })
  @Min(0, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  PORT = 3000;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^(nats|tls|ws|wss):\/\/[^,\s]+(\s*,\s*(nats|tls|ws|wss):\/\/[^,\s]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// URLs',
  })
  NATS_URL!: string;

  /** Isolates subjects, streams and consumers, e.g. per test run or per tenant installation. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'BILDUNGSRAUM_SUBJECT_PREFIX may contain letters, digits, _ and - only' })
  BILDUNGSRAUM_SUBJECT_PREFIX?: string;

  /** Replicas of the streams this service creates: 3 on a clustered NATS (production), 1 on one server. */
  @ToInteger()
  @IsInt({ message: 'STREAM_REPLICAS must be 1, 3 or 5' })
  @IsIn([1, 3, 5], { message: 'STREAM_REPLICAS must be 1, 3 or 5' })
  STREAM_REPLICAS = 1;

  /** How long streams keep events, so that new downstream systems can replay history. */
  @ToInteger()
  @IsInt({ message: 'STREAM_MAX_AGE_DAYS must be a whole number of days (1–3650)' })
  @Min(1, { message: 'STREAM_MAX_AGE_DAYS must be a whole number of days (1–3650)' })
  @Max(3650, { message: 'STREAM_MAX_AGE_DAYS must be a whole number of days (1–3650)' })
  STREAM_MAX_AGE_DAYS = 365;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  /** Largest accepted request body (body-parser syntax: `256kb`, `1mb`). */
  @Matches(/^\d+(b|kb|mb)$/i, { message: "HTTP_BODY_LIMIT must look like '256kb' or '1mb'" })
  HTTP_BODY_LIMIT = '256kb';

  /** Express `trust proxy`: `true`, a hop count or a list of addresses; needed for client IPs behind an ingress. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @ToBoolean()
  @IsBoolean({ message: 'RATE_LIMIT_ENABLED must be true or false' })
  RATE_LIMIT_ENABLED = true;

  /** Requests per client IP and window on endpoints marked @Public(). */
  @ToInteger()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_LIMIT = 120;

  @ToInteger()
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_WINDOW_SECONDS = 60;
}
