export interface EventuallyOptions {
  /** Upper bound; the probe fails with its last error when it passes. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Waits for an asynchronous outcome (an event arrived, a read model caught up) by retrying a
 * probe until it stops throwing or returns a truthy value. Bounded, so a lost event fails the
 * test instead of hanging it; never a fixed sleep.
 */
export async function eventually<T>(probe: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== false && value !== undefined && value !== null) return value;
      lastError = new Error(`probe returned ${String(value)}`);
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`eventually: not satisfied within ${timeoutMs} ms: ${reason}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
