import { DEFAULT_RETRY_SCHEDULE_MS, nextStep, parseRetryAfter } from './retry-policy';

describe('retry policy', () => {
  it('spreads about three days over the default schedule', () => {
    const totalHours = DEFAULT_RETRY_SCHEDULE_MS.reduce((sum, ms) => sum + ms, 0) / 3_600_000;
    expect(totalHours).toBeGreaterThan(70);
    expect(totalHours).toBeLessThan(80);
  });

  it('adds ±20 % jitter, honours a longer Retry-After (capped at a day), gives up after the schedule', () => {
    const failure = { kind: 'failure' as const, error: 'HTTP 503' };
    expect(nextStep(failure, 1, [1000], () => 0)).toEqual({ kind: 'retry', delayMs: 800 });
    expect(nextStep(failure, 1, [1000], () => 1)).toEqual({ kind: 'retry', delayMs: 1200 });
    expect(nextStep({ ...failure, retryAfterMs: 5000 }, 1, [1000], () => 0.5)).toEqual({ kind: 'retry', delayMs: 5000 });
    expect(nextStep({ ...failure, retryAfterMs: 10 * 86_400_000 }, 1, [1000], () => 0.5)).toEqual({ kind: 'retry', delayMs: 86_400_000 });
    expect(nextStep(failure, 2, [1000])).toEqual({ kind: 'failed', reasonCode: 'retries_exhausted' });
    expect(nextStep({ kind: 'gone', statusCode: 410 }, 1, [1000])).toEqual({ kind: 'failed', reasonCode: 'endpoint_gone' });
    expect(nextStep({ kind: 'success', statusCode: 200 }, 3, [1000])).toEqual({ kind: 'succeeded' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 21 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
