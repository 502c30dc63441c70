import { appendFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/** One observation of a process's own stalls, in epoch ms so both processes share a clock. */
export type ProbeRecord = { kind: 'gc'; at: number; ms: number; type: string } | { kind: 'loop'; at: number; maxMs: number };

const GC_TYPES: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-callbacks' };

/**
 * Records the stalls of this process while a bench runs: every GC pause (perf_hooks 'gc'
 * entries) and the longest event-loop delay of each 100 ms, appended as JSON lines to `file`
 * twice a second and at exit. Used in the bench process and, preloaded, in the service.
 */
export function startProbe(file: string): () => void {
  writeFileSync(file, '');
  let records: ProbeRecord[] = [];
  const flush = () => {
    if (records.length === 0) return;
    appendFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    records = [];
  };
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      const type = GC_TYPES[detail?.kind ?? 0] ?? 'other';
      records.push({ kind: 'gc', at: performance.timeOrigin + entry.startTime, ms: entry.duration, type });
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const sampler = setInterval(() => {
    records.push({ kind: 'loop', at: Date.now(), maxMs: loop.max / 1e6 });
    loop.reset();
  }, 100);
  const flusher = setInterval(flush, 500);
  sampler.unref();
  flusher.unref();
  process.on('exit', flush);
  return () => {
    clearInterval(sampler);
    clearInterval(flusher);
    gc.disconnect();
    loop.disable();
    flush();
  };
}
