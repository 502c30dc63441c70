import { startProbe } from './probe';

// Preloaded into the needs service (`-r`) when the bench traces a run (BENCH_TRACE_DIR).
if (process.env.BENCH_PROBE_FILE) startProbe(process.env.BENCH_PROBE_FILE);
