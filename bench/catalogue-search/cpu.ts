import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** CPU time (user + system, ms) a process on this machine has used so far, from /proc (10 ms clock ticks). */
export function cpuMsOf(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU used so far by the Postgres backends connected to the database of `databaseUrl` (the
 * service's pool), other than the one asking. Postgres runs on this machine, so /proc has them;
 * a backend that exits between two readings takes its share with it, so pools stay open across both.
 */
export async function backendsCpuMs(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`);
    return rows.reduce((sum, { pid }) => sum + cpuMsOf(pid), 0);
  } finally {
    await client.end();
  }
}
