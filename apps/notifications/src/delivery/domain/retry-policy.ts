/** ≈ 3 days in total, in the spirit of the Standard Webhooks recommendation. */
export const DEFAULT_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000];

/** Retry-After is honoured, but never beyond a day (a receiver cannot park us forever). */
const MAX_RETRY_AFTER_MS = 86_400_000;

export type AttemptResult =
  | { kind: 'success'; statusCode?: number }
  /** 410 Gone: the receiver says the endpoint is gone for good. */
  | { kind: 'gone'; statusCode: number }
  | { kind: 'failure'; statusCode?: number; error: string; retryAfterMs?: number };

export type NextStep =
  | { kind: 'succeeded' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'failed'; reasonCode: 'retries_exhausted' | 'endpoint_gone' };

/**
 * What follows an attempt. `attempts` counts this one. Jitter ±20 % spreads a recovering
 * receiver's backlog instead of replaying it in one burst; Retry-After wins when it asks for longer.
 */
export function nextStep(result: AttemptResult, attempts: number, schedule: readonly number[], random: () => number = Math.random): NextStep {
  if (result.kind === 'success') return { kind: 'succeeded' };
  if (result.kind === 'gone') return { kind: 'failed', reasonCode: 'endpoint_gone' };
  const base = schedule[attempts - 1];
  if (base === undefined) return { kind: 'failed', reasonCode: 'retries_exhausted' };
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  const retryAfter = result.retryAfterMs === undefined ? 0 : Math.min(result.retryAfterMs, MAX_RETRY_AFTER_MS);
  return { kind: 'retry', delayMs: Math.max(jittered, retryAfter) };
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

export function parseSchedule(value: string | undefined): number[] {
  return value ? value.split(',').map(Number) : DEFAULT_RETRY_SCHEDULE_MS;
}
