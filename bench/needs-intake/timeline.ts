import { existsSync, readFileSync } from 'node:fs';
import { ProbeRecord } from './probe';

/** A Postgres statement the server logged as slow (log_min_duration_statement), or a checkpoint. */
export interface ServerEvent {
  at: number;
  ms: number;
  what: string;
}

export interface Stalls {
  service: ProbeRecord[];
  bench: ProbeRecord[];
  postgres: ServerEvent[];
}

const BUCKET_MS = 100;
const MAX_LINES = 40;

export function readProbe(file: string): ProbeRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ProbeRecord);
}

/** Lines of the Postgres server log for one database: slow statements and checkpoints. */
export function readPostgresLog(file: string, database: string, fromOffset: number): ServerEvent[] {
  if (!existsSync(file)) return [];
  const text = readFileSync(file).subarray(fromOffset).toString('utf8');
  const events: ServerEvent[] = [];
  for (const line of text.split('\n')) {
    const stamp = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) UTC/.exec(line);
    if (!stamp) continue;
    const at = Date.parse(`${stamp[1].replace(' ', 'T')}Z`);
    const duration = /@(\S+) LOG:\s+duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): (.{0,80})/.exec(line);
    if (duration && duration[1] === database) events.push({ at: at - Number(duration[2]), ms: Number(duration[2]), what: duration[3] });
    const checkpoint = /LOG:\s+(checkpoint (?:starting|complete).{0,120})/.exec(line);
    if (checkpoint) events.push({ at, ms: 0, what: checkpoint[1] });
    const vacuum = /@(\S+) LOG:\s+(automatic (?:vacuum|analyze).{0,80})/.exec(line);
    if (vacuum && vacuum[1] === database) events.push({ at, ms: 0, what: vacuum[2] });
  }
  return events;
}

const overlaps = (from: number, to: number) => (record: { at: number; ms?: number; maxMs?: number }) => {
  const end = record.at + (record.ms ?? 0);
  return end >= from && record.at < to;
};

function describe(records: ProbeRecord[], from: number, to: number): string {
  const inBucket = records.filter(overlaps(from, to));
  const gcs = inBucket.filter((record) => record.kind === 'gc' && record.ms >= 2) as Array<Extract<ProbeRecord, { kind: 'gc' }>>;
  const loop = Math.max(0, ...inBucket.map((record) => (record.kind === 'loop' ? record.maxMs : 0)));
  const longest = [...gcs].sort((a, b) => b.ms - a.ms).slice(0, 4);
  const gcText = longest.map((record) => `${record.type} ${record.ms.toFixed(1)}`).join(', ') + (gcs.length > 4 ? ` (+${gcs.length - 4})` : '');
  return `loop max ${loop.toFixed(0)} ms${gcText ? `; gc ${gcText}` : ''}`;
}

/**
 * The fixed-rate phase in 100 ms buckets (by due time): for each bucket with a request slower
 * than `slowMs`, how many, the slowest, and what each process and Postgres did in that and the
 * previous bucket. Returns printable lines.
 */
export function slowBuckets(dueAt: number[], latencies: number[], stalls: Stalls, slowMs: number): string[] {
  const buckets = new Map<number, { slow: number; total: number; max: number }>();
  dueAt.forEach((due, index) => {
    const key = Math.floor(due / BUCKET_MS) * BUCKET_MS;
    const bucket = buckets.get(key) ?? { slow: 0, total: 0, max: 0 };
    bucket.total += 1;
    bucket.max = Math.max(bucket.max, latencies[index] ?? 0);
    if ((latencies[index] ?? 0) > slowMs) bucket.slow += 1;
    buckets.set(key, bucket);
  });
  const start = Math.min(...buckets.keys());
  const slow = [...buckets.entries()].filter(([, bucket]) => bucket.slow > 0).sort(([a], [b]) => a - b);
  const lines: string[] = [`  slow 100-ms buckets: ${slow.length} of ${buckets.size}`];
  if (slow.length > MAX_LINES) lines.push(`  (the first ${MAX_LINES}; this many slow buckets is queueing, not single stalls)`);
  for (const [key, bucket] of slow.slice(0, MAX_LINES)) {
    // The stall that delays a request happens between its due time and its answer.
    const from = key - BUCKET_MS;
    const to = key + BUCKET_MS + Math.min(bucket.max, 500);
    const postgres = stalls.postgres.filter(overlaps(from, to)).map((event) => `${event.ms ? `${event.ms.toFixed(0)} ms ` : ''}${event.what}`);
    lines.push(
      `  t+${((key - start) / 1000).toFixed(1)} s: ${bucket.slow}/${bucket.total} > ${slowMs} ms (max ${bucket.max.toFixed(0)}) | service ${describe(stalls.service, from, to)} | bench ${describe(stalls.bench, from, to)}${postgres.length ? ` | postgres ${postgres.slice(0, 3).join('; ')}` : ''}`,
    );
  }
  return lines;
}

/** Total GC pause per kind and the longest loop delay, for the summary. */
export function gcSummary(records: ProbeRecord[], from: number, to: number): string {
  const inPhase = records.filter((record) => record.at >= from && record.at <= to);
  const byType = new Map<string, { n: number; ms: number; max: number }>();
  for (const record of inPhase) {
    if (record.kind !== 'gc') continue;
    const entry = byType.get(record.type) ?? { n: 0, ms: 0, max: 0 };
    entry.n += 1;
    entry.ms += record.ms;
    entry.max = Math.max(entry.max, record.ms);
    byType.set(record.type, entry);
  }
  const loops = inPhase.flatMap((record) => (record.kind === 'loop' ? [record.maxMs] : []));
  const gcText = [...byType.entries()].map(([type, entry]) => `${type} ${entry.n}× ${entry.ms.toFixed(0)} ms (max ${entry.max.toFixed(1)})`).join(', ');
  return `gc ${gcText || 'none'}; event-loop delay max ${Math.max(0, ...loops).toFixed(0)} ms, 100-ms windows over 10 ms: ${loops.filter((ms) => ms > 10).length}`;
}
