/**
 * Cost of each class of the benchmark's searches, measured load-insensitively: one client runs
 * the queries one after another (twice: a warm-up pass, then the measured one), and per class
 * sums the CPU its Postgres backend used (/proc, 10 ms ticks, so only sums over many searches
 * mean anything) and the wall time. Classes: with/without words, radius, sort order.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { runSearch } from '../src/search/search-engine';
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
  const classes = new Map<string, { count: number; cpuMs: number; wallMs: number; walls: number[] }>();
  for (const query of queries) await runSearch(client, criteriaOf(query, today), skillsMatchingWords);
  for (const query of queries) {
    const cpu = cpuMsOf(pid);
    const started = performance.now();
    await runSearch(client, criteriaOf(query, today), skillsMatchingWords);
    const wall = performance.now() - started;
    const entry = classes.get(classOf(query)) ?? { count: 0, cpuMs: 0, wallMs: 0, walls: [] };
    entry.count += 1;
    entry.cpuMs += cpuMsOf(pid) - cpu;
    entry.wallMs += wall;
    entry.walls.push(wall);
    classes.set(classOf(query), entry);
  }
  await client.end();
  const round = (value: number) => Math.round(value * 10) / 10;
  const rows = [...classes.entries()]
    .map(([name, { count, cpuMs, wallMs, walls }]) => ({ class: name, count, pgCpuMsPerSearch: round(cpuMs / count), wallMsMean: round(wallMs / count), wallMsMax: round(Math.max(...walls)), shareOfCpu: 0 }))
    .sort((a, b) => b.pgCpuMsPerSearch * b.count - a.pgCpuMsPerSearch * a.count);
  const total = rows.reduce((sum, row) => sum + row.pgCpuMsPerSearch * row.count, 0);
  for (const row of rows) row.shareOfCpu = round((100 * row.pgCpuMsPerSearch * row.count) / total);
  return { searches: queries.length, pgCpuMsPerSearch: round(total / queries.length), classes: rows };
}
