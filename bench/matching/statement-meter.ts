import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { percentile, round } from '../outbox/stats';

/**
 * Every statement through TypeORM's Postgres query runner in this process – BEGIN and COMMIT
 * included – counted, timed and grouped by its first words, for the matching profiles. Installed
 * once on import; `reset()` starts a measurement.
 */
export const statements = {
  count: 0,
  ms: 0,
  byKind: new Map<string, { count: number; ms: number }>(),
  /** Called with every statement before it runs (profile.ts collects retrieval statements to EXPLAIN). */
  observe: undefined as ((sql: string, params: unknown[]) => void) | undefined,
  reset(): void {
    this.count = 0;
    this.ms = 0;
    this.byKind.clear();
  },
  /** The kinds by time spent, per `per` (needs or offers), one line each. */
  report(per: number): string[] {
    return [...this.byKind.entries()]
      .sort(([, a], [, b]) => b.ms - a.ms)
      .map(([kind, { count, ms }]) => `    ${round(count / per).toString().padStart(5)} × ${round(ms / per).toString().padStart(7)} ms  ${kind}`);
  },
};

const kindOf = (sql: string) => sql.replace(/\s+/g, ' ').trim().replace(/"[^"]*"\./g, '').slice(0, 48);
const original = PostgresQueryRunner.prototype.query;
PostgresQueryRunner.prototype.query = async function counted(this: PostgresQueryRunner, ...args: Parameters<typeof original>) {
  statements.observe?.(args[0], args[1] ?? []);
  const started = performance.now();
  try {
    return await original.apply(this, args);
  } finally {
    const ms = performance.now() - started;
    statements.count += 1;
    statements.ms += ms;
    const kind = kindOf(args[0]);
    const entry = statements.byKind.get(kind) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += ms;
    statements.byKind.set(kind, entry);
  }
} as typeof original;

const TICKS_PER_MS = 100 / 1000;

/** CPU of a Postgres backend so far (/proc/<pid>/stat, user + system), in ms. */
export function backendCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
}

/**
 * Handles each item in turn and returns what one cost on average: round trips, statement wait,
 * wall time (p50/p95), this process's CPU and that of the Postgres backend `pid` serving it.
 */
export async function meterEach<T>(items: readonly T[], pid: number, handle: (item: T, index: number) => Promise<void>) {
  statements.reset();
  const wall: number[] = [];
  const cpuBefore = process.cpuUsage();
  const backendBefore = backendCpuMs(pid);
  for (const [index, item] of items.entries()) {
    const started = performance.now();
    await handle(item, index);
    wall.push(performance.now() - started);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const per = items.length;
  return {
    round_trips: round(statements.count / per),
    statement_ms: round(statements.ms / per),
    wall_p50_ms: round(percentile(wall, 50)),
    wall_p95_ms: round(percentile(wall, 95)),
    node_cpu_ms: round((cpu.user + cpu.system) / 1000 / per),
    postgres_cpu_ms: round((backendCpuMs(pid) - backendBefore) / per),
  };
}
