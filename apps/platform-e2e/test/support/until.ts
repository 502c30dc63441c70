import { eventually } from '@bildungsraum/testing';

/**
 * Waits (bounded, generous: five services on a busy 2-core machine) until the probe yields a
 * value, and returns it typed as present. Never a fixed sleep, never a timing assertion.
 */
export function until<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 120_000): Promise<NonNullable<T>> {
  return eventually(probe, { timeoutMs, intervalMs: 250 }) as Promise<NonNullable<T>>;
}
