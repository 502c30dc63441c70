import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startProbe } from './probe';
import { gcSummary, readPostgresLog, readProbe, slowBuckets } from './timeline';

const SLOW_STATEMENT_MS = 10;

/**
 * `BENCH_TRACE_DIR`: records where the stalls of a run come from – GC pauses and event-loop
 * delays of the service (preloaded probe) and of this bench process, and the Postgres
 * statements slower than 10 ms plus checkpoints from the server log (`BENCH_PG_LOG`, default
 * the Debian path) – and prints the fixed-rate phase's slow 100-ms buckets next to them.
 */
export class RunTrace {
  private readonly dir = process.env.BENCH_TRACE_DIR;
  private readonly pgLog = process.env.BENCH_PG_LOG ?? '/var/log/postgresql/postgresql-15-main.log';
  private pgLogOffset = 0;
  private stopProbe?: () => void;

  get enabled(): boolean {
    return Boolean(this.dir);
  }

  /** Node options and environment that load the probe into the service. */
  serviceOptions(): { execArgv: string[]; env: NodeJS.ProcessEnv } {
    if (!this.dir) return { execArgv: [], env: {} };
    return { execArgv: ['-r', join(__dirname, 'service-probe.ts')], env: { BENCH_PROBE_FILE: join(this.dir, 'service.jsonl') } };
  }

  /** Before the service connects: slow statements of this database go to the server log. */
  async start(db: Client, database: string): Promise<void> {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    await db.query(`ALTER DATABASE "${database}" SET log_min_duration_statement = ${SLOW_STATEMENT_MS}`);
    this.pgLogOffset = existsSync(this.pgLog) ? statSync(this.pgLog).size : 0;
    this.stopProbe = startProbe(join(this.dir, 'bench.jsonl'));
  }

  /** What the fixed-rate phase's slow requests coincided with. */
  report(database: string, dueAt: number[], latencies: number[], from: number, to: number, slowMs: number): void {
    if (!this.dir) return;
    this.stopProbe?.();
    const service = readProbe(join(this.dir, 'service.jsonl'));
    const bench = readProbe(join(this.dir, 'bench.jsonl'));
    const postgres = readPostgresLog(this.pgLog, database, this.pgLogOffset).filter((event) => event.at >= from - 1000 && event.at <= to);
    console.log(`  trace (fixed-rate phase): service ${gcSummary(service, from, to)}`);
    console.log(`  trace (fixed-rate phase): bench ${gcSummary(bench, from, to)}`);
    console.log(`  trace (fixed-rate phase): postgres ${postgres.length} statements ≥ ${SLOW_STATEMENT_MS} ms or checkpoints`);
    for (const line of slowBuckets(dueAt, latencies, { service, bench, postgres }, slowMs)) console.log(line);
  }
}
