import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time a process has used so far in user and in kernel mode, ms; 0 when it is gone. */
export function processCpuSplitMs(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** CPU time (user + system) a process has used so far, ms; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  const { user, system } = processCpuSplitMs(pid);
  return user + system;
}

export interface CpuSample {
  service: number;
  /** The service's share in kernel mode (socket reads and writes, epoll): what batching saves. */
  serviceSystem: number;
  bench: number;
  postgres: number;
}

/**
 * CPU used so far by the service process, this bench process and the Postgres backends of the
 * bench database (the pool and relay connections stay open, so their counters run on). Unlike
 * wall-clock latency this does not depend on what else the machine runs.
 */
export async function sampleCpu(servicePid: number, db: Client, database: string): Promise<CpuSample> {
  const backends = (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [database])).rows;
  const own = process.cpuUsage();
  return {
    service: processCpuMs(servicePid),
    serviceSystem: processCpuSplitMs(servicePid).system,
    bench: (own.user + own.system) / 1000,
    postgres: backends.reduce((sum, { pid }) => sum + processCpuMs(pid), 0),
  };
}

/** CPU ms per request between two samples, per part. */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuSample {
  const per = (key: keyof CpuSample) => Math.round(((after[key] - before[key]) / Math.max(1, requests)) * 1000) / 1000;
  return { service: per('service'), serviceSystem: per('serviceSystem'), bench: per('bench'), postgres: per('postgres') };
}
