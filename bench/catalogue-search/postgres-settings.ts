import { Client } from 'pg';

/**
 * The Postgres settings docs/operations.md recommends for the catalogue's database (per database,
 * as an operator sets them: `ALTER DATABASE … SET`), applied to the benchmark's own database.
 * - jit off: JIT compiles a plan whose estimated cost passes 100,000 – broad searches do – and
 *   spends 0.3–1.5 s compiling a statement that runs in milliseconds;
 * - no parallel workers per query: with dozens of concurrent short searches every core is busy
 *   already; a gather only adds start-up and contention;
 * - random_page_cost 1.1: data on SSD or in memory; the default 4 (spinning disks) makes index
 *   walks with early stop look dearer than reading whole areas.
 */
export const SEARCH_DATABASE_SETTINGS: Readonly<Record<string, string>> = {
  jit: 'off',
  max_parallel_workers_per_gather: '0',
  random_page_cost: '1.1',
};

export async function applyDatabaseSettings(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ name }] = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows as [{ name: string }];
    for (const [setting, value] of Object.entries(SEARCH_DATABASE_SETTINGS)) {
      await client.query(`ALTER DATABASE "${name.replace(/"/g, '""')}" SET ${setting} = '${value}'`);
    }
  } finally {
    await client.end();
  }
}
