import { prefixedName, ProducingService, STREAMS } from '@bildungsraum/contracts';

/** How one consuming service reads one stream. Every field has a production default. */
export interface ConsumerSettings {
  /** Handler attempts before a message is parked on the dead-letter subject (default 5). */
  maxDeliver: number;
  /** How long JetStream waits for an ack before redelivering (default 30 s); a running handler extends it. */
  ackWaitMs: number;
  /** Delay before the first retry after a handler error; doubles per attempt (default 1 s). */
  backoffMs: number;
  /** Upper bound of the retry delay (default 60 s). */
  maxBackoffMs: number;
  /** Handlers running at once in one runner (default 1, i.e. in order per replica). */
  concurrency: number;
}

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  maxDeliver: 5,
  ackWaitMs: 30_000,
  backoffMs: 1_000,
  maxBackoffMs: 60_000,
  concurrency: 1,
};

/** Fills in defaults and rejects settings that would make a consumer misbehave silently. */
export function resolveConsumerSettings(partial: Partial<ConsumerSettings> = {}): ConsumerSettings {
  // Only the known keys: callers pass option objects that carry more (connection, handler…).
  const settings = { ...DEFAULT_CONSUMER_SETTINGS };
  for (const name of Object.keys(DEFAULT_CONSUMER_SETTINGS) as Array<keyof ConsumerSettings>) {
    const value = partial[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < (name === 'backoffMs' ? 0 : 1)) {
      throw new Error(`Consumer setting ${name} must be a positive integer, got ${String(value)}`);
    }
    settings[name] = value;
  }
  return settings;
}

/** Delay before retry number `deliveryCount` (1-based): backoff · 2^(n-1), capped. */
export function retryDelayMs(deliveryCount: number, settings: Pick<ConsumerSettings, 'backoffMs' | 'maxBackoffMs'>): number {
  const exponent = Math.min(Math.max(deliveryCount - 1, 0), 30);
  return Math.min(settings.backoffMs * 2 ** exponent, settings.maxBackoffMs);
}

const CONSUMER_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;

/** Consumer names go into durable names and dead-letter subjects, so they must be plain tokens. */
export function assertValidConsumerName(consumerName: string): void {
  if (!CONSUMER_NAME_PATTERN.test(consumerName)) {
    throw new Error(`Invalid consumer name "${consumerName}": use 1–40 lower-case letters, digits or "-", starting with a letter.`);
  }
}

/** One durable per (consuming service, stream), shared by all replicas: e.g. `t42_matching_PARTNERS`. */
export function durableName(consumerName: string, service: ProducingService, prefix?: string): string {
  assertValidConsumerName(consumerName);
  return prefixedName(`${consumerName}_${STREAMS[service]}`, prefix);
}

/** The producing service of an event type is its first segment (`partners.partner.registered.v1`). */
export function serviceOfEventType(type: string): ProducingService {
  const service = type.split('.')[0];
  if (!(service in STREAMS)) throw new Error(`Event type "${type}" does not belong to a producing service`);
  return service as ProducingService;
}
