/**
 * Cost of each class of the benchmark's searches, measured load-insensitively: one client runs
 * the queries one after another (twice: a warm-up pass, then the measured one), and per class
 * sums the CPU its Postgres backend used (/proc, 10 ms ticks, so only sums over many searches
 * mean anything) and the wall time. Classes: with/without words, radius, sort order. The warm-up
 * pass also runs each search statement under EXPLAIN (ANALYZE, BUFFERS) once: pages touched per
 * search, a measure the machine's load does not move at all.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { runSearch, SqlRunner } from '../src/search/search-engine';
import { skillsMatchingWords } from '../src/skills/skill-search';
import { BenchQuery, criteriaOf } from './bench-query';

/** CPU time (user + system, ms) a process on this machine has used so far (/proc, 10 ms ticks). */
export function cpuMsOf(pid: number): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** BENCH_PROFILE_BY=word groups by the words instead (which words are dear). */
const classOf = (query: BenchQuery) =>
  process.env.BENCH_PROFILE_BY === 'word' ? (query.q ?? '(no words)') : `${query.q ? 'words' : 'no words'} ${query.radiusKm} km ${query.sort}`;

export async function profile(databaseUrl: string, file: string): Promise<Record<string, unknown>> {
  const queries = JSON.parse(readFileSync(file, 'utf8')) as BenchQuery[];
  const client = new Client({ connectionString: databaseUrl, options: '-c search_path=catalogue,public' });
  await client.connect();
  const today = new Date().toISOString().slice(0, 10);
  const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
  const classes = new Map<string, { count: number; cpuMs: number; wallMs: number; walls: number[]; pages: number }>();
  const entryOf = (query: BenchQuery) => classes.get(classOf(query)) ?? classes.set(classOf(query), { count: 0, cpuMs: 0, wallMs: 0, walls: [], pages: 0 }).get(classOf(query))!;
  for (const query of queries) {
    // The search statement is the one with the hits; the expansion's statements are cached after the first.
    const counting: SqlRunner = {
      query: async (sql, params) => {
        if (sql.includes('WITH hits AS')) entryOf(query).pages += await pagesOf(client, sql, params);
        return client.query(sql, params as unknown[]);
      },
    };
    await runSearch(counting, criteriaOf(query, today), skillsMatchingWords);
  }
  for (const query of queries) {
    const cpu = cpuMsOf(pid);
    const started = performance.now();
    await runSearch(client, criteriaOf(query, today), skillsMatchingWords);
    const wall = performance.now() - started;
    const entry = entryOf(query);
    entry.count += 1;
    entry.cpuMs += cpuMsOf(pid) - cpu;
    entry.wallMs += wall;
    entry.walls.push(wall);
  }
  await client.end();
  const round = (value: number) => Math.round(value * 10) / 10;
  const rows = [...classes.entries()]
    .map(([name, { count, cpuMs, wallMs, walls, pages }]) => ({
      class: name,
      count,
      pgCpuMsPerSearch: round(cpuMs / count),
      pagesPerSearch: Math.round(pages / count),
      wallMsMean: round(wallMs / count),
      wallMsMax: round(Math.max(...walls)),
      shareOfCpu: 0,
    }))
    .sort((a, b) => b.pgCpuMsPerSearch * b.count - a.pgCpuMsPerSearch * a.count);
  const total = rows.reduce((sum, row) => sum + row.pgCpuMsPerSearch * row.count, 0);
  for (const row of rows) row.shareOfCpu = round((100 * row.pgCpuMsPerSearch * row.count) / total);
  const pages = rows.reduce((sum, row) => sum + row.pagesPerSearch * row.count, 0);
  return { searches: queries.length, pgCpuMsPerSearch: round(total / queries.length), pagesPerSearch: Math.round(pages / queries.length), classes: rows };
}

/** Shared buffers the statement touched (hit or read), from its EXPLAIN (ANALYZE, BUFFERS). */
async function pagesOf(client: Client, sql: string, params: unknown): Promise<number> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params as unknown[]);
  const [plan] = (rows[0] as { 'QUERY PLAN': Array<{ Plan: Record<string, number> }> })['QUERY PLAN'];
  return (plan?.Plan['Shared Hit Blocks'] ?? 0) + (plan?.Plan['Shared Read Blocks'] ?? 0);
}
