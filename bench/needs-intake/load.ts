import { RawHttpClient } from './raw-http';

export interface Outcome {
  ok: number;
  failed: number;
  /** Latency of each successful request in ms. */
  latencies: number[];
  /** Fixed rate only: when each successful request was due (epoch ms), parallel to `latencies`. */
  dueAt: number[];
  statuses: Map<number, number>;
}

export interface Target {
  port: number;
  path: string;
  /** Body and bearer token of request number i. */
  request(i: number): { body: string; token: string };
}

const clients = new Map<number, RawHttpClient>();

function send(target: Target, i: number): Promise<number> {
  const { body, token } = target.request(i);
  let client = clients.get(target.port);
  if (!client) clients.set(target.port, (client = new RawHttpClient(target.port)));
  return client.post(target.path, body, token);
}

/** Closes the load generator's connections (at the end of the bench). */
export function closeClients(): void {
  for (const client of clients.values()) client.close();
  clients.clear();
}

function record(outcome: Outcome, status: number, latencyMs: number, dueAt?: number): void {
  outcome.statuses.set(status, (outcome.statuses.get(status) ?? 0) + 1);
  if (status === 201) {
    outcome.ok += 1;
    outcome.latencies.push(latencyMs);
    if (dueAt !== undefined) outcome.dueAt.push(dueAt);
  } else outcome.failed += 1;
}

const empty = (): Outcome => ({ ok: 0, failed: 0, latencies: [], dueAt: [], statuses: new Map() });

/** Closed loop: `concurrency` clients send back to back for `seconds`; the rate the service sustains. */
export async function saturate(target: Target, concurrency: number, seconds: number, offset: number): Promise<Outcome & { perSecond: number }> {
  const outcome = empty();
  let next = offset;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = next++;
        const t0 = performance.now();
        record(outcome, await send(target, i), performance.now() - t0);
      }
    }),
  );
  return { ...outcome, perSecond: outcome.ok / ((performance.now() - started) / 1000) };
}

/**
 * Open loop at a fixed rate: request i is due at start + i/rate and its latency counts from
 * then, so a stalled service cannot hide its backlog (no coordinated omission).
 */
export async function fixedRate(target: Target, ratePerSecond: number, seconds: number, offset: number): Promise<Outcome & { achievedPerSecond: number }> {
  const outcome = empty();
  const total = ratePerSecond * seconds;
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * ratePerSecond));
      while (sent < due) {
        const i = sent++;
        const scheduled = start + (i * 1000) / ratePerSecond;
        pending.push(send(target, offset + i).then((status) => record(outcome, status, performance.now() - scheduled, performance.timeOrigin + scheduled)));
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
  return { ...outcome, achievedPerSecond: outcome.ok / ((performance.now() - start) / 1000) };
}
