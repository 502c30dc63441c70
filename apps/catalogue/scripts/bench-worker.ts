/**
 * Worker of bench/catalogue-search (a bench may not import an app, so it runs this script):
 *
 *   load <offers.jsonl> <providers> <concurrency>  bulk import through the domain rules, venue
 *                                                   resolution, search rows and the outbox
 *   sql <queries.json> <concurrency>                the search statements the API runs, straight
 *                                                   on a pg pool (no HTTP, no Nest)
 *   profile <queries.json>                          Postgres CPU and wall time per query class,
 *                                                   one client (bench-profile.ts)
 *
 * Prints one JSON line with its figures.
 */
import 'reflect-metadata';
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { Pool } from 'pg';
import { createCatalogueDataSource } from '../src/db/catalogue-data-source';
import { createPublishedOffers, PublishedOfferInput } from '../src/offers/infra/create-published-offer';
import { OfferContent } from '../src/offers/domain/offer-model';
import { runSearch } from '../src/search/search-engine';
import { skillsMatchingWords } from '../src/skills/skill-search';
import { benchProviderId, BenchQuery, criteriaOf } from './bench-query';
import { cpuMsOf, profile } from './bench-profile';

const databaseUrl = process.env.DATABASE_URL ?? '';
/** Offers per transaction of the bulk load. */
const BATCH = Number(process.env.BENCH_IMPORT_BATCH ?? 200);

async function load(file: string, providers: number, concurrency: number): Promise<void> {
  const dataSource = await createCatalogueDataSource(databaseUrl, { poolSize: concurrency + 2 }).initialize();
  for (let index = 0; index < providers; index += 1) {
    await dataSource.query(`INSERT INTO provider_view (id, version, kind, name, status, azav_approved) VALUES ($1, 1, 'provider', $2, 'verified', true) ON CONFLICT (id) DO NOTHING`, [benchProviderId(index), `Bildungsträger ${index + 1}`]);
  }
  const lines = createInterface({ input: createReadStream(file) });
  let imported = 0;
  let dates = 0;
  let refused = 0;
  let counter = 0;
  const started = performance.now();
  const toInput = (line: string): PublishedOfferInput => {
    const generated = JSON.parse(line) as { provider: number; content: OfferContent; dates: PublishedOfferInput['dates'] };
    const serial = String(counter++).padStart(12, '0');
    return {
      id: `00000000-0000-4000-8000-${serial}`,
      provider: { id: benchProviderId(generated.provider), name: `Bildungsträger ${generated.provider + 1}` },
      content: generated.content,
      dates: generated.dates.map((date, index) => ({ ...date, id: `d000000${index}-0000-4000-8000-${serial}` })),
    };
  };
  // Batches of BATCH offers, each in one transaction, `concurrency` transactions at a time.
  const importBatch = async (batch: PublishedOfferInput[]) => {
    const outcome = await dataSource.transaction((manager) => createPublishedOffers(manager, batch));
    imported += outcome.created.length;
    refused += outcome.refused.length;
    dates += outcome.created.reduce((sum, offer) => sum + offer.snapshot.dates.length, 0);
  };
  const running = new Set<Promise<void>>();
  let batch: PublishedOfferInput[] = [];
  const flush = async () => {
    const task = importBatch(batch).finally(() => running.delete(task));
    batch = [];
    running.add(task);
    if (running.size >= concurrency) await Promise.race(running);
  };
  for await (const line of lines) {
    if (!line.trim()) continue;
    batch.push(toInput(line));
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  await Promise.all(running);
  const seconds = (performance.now() - started) / 1000;
  // What autovacuum does after a bulk load on a live system (the test server runs without it):
  // statistics for the planner, the visibility map for index-only walks, GIN pending lists merged.
  await dataSource.query('VACUUM ANALYZE');
  await dataSource.destroy();
  process.stdout.write(`${JSON.stringify({ imported, dates, refused, seconds, perSecond: imported / seconds })}\n`);
}

async function sql(file: string, concurrency: number): Promise<void> {
  const queries = JSON.parse(readFileSync(file, 'utf8')) as BenchQuery[];
  const pool = new Pool({ connectionString: databaseUrl, max: concurrency, idleTimeoutMillis: 0, application_name: 'catalogue-bench-sql', options: '-c search_path=catalogue,public' });
  // CPU of the pool's backends (the pool keeps them open from the warm-up to the end).
  const backendsCpuMs = async () => {
    const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'catalogue-bench-sql' AND datname = current_database()`);
    return rows.reduce((sum, { pid }) => sum + cpuMsOf(pid), 0);
  };
  const today = new Date().toISOString().slice(0, 10);
  const latencies: number[] = [];
  let next = 0;
  const run = async (warmup: boolean) => {
    const list = warmup ? queries.slice(0, Math.min(200, queries.length)) : queries;
    next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < list.length) {
          const query = list[next++] as BenchQuery;
          const started = performance.now();
          await runSearch(pool, criteriaOf(query, today), skillsMatchingWords);
          if (!warmup) latencies.push(performance.now() - started);
        }
      }),
    );
  };
  await run(true);
  const cpuBefore = await backendsCpuMs();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  await run(false);
  const seconds = (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const postgresCpuMs = (await backendsCpuMs()) - cpuBefore;
  // This process's own CPU: what the search costs in Node without HTTP and Nest (compare the service's).
  const clientCpuMs = (ownCpu.user + ownCpu.system) / 1000;
  await pool.end();
  process.stdout.write(`${JSON.stringify({ latencies, seconds, postgresCpuMs, clientCpuMs })}\n`);
}

const [mode, file = '', a = '', b = ''] = process.argv.slice(2);
const modes: Record<string, () => Promise<void>> = {
  load: () => load(file, Number(a), Number(b)),
  sql: () => sql(file, Number(a)),
  profile: async () => void process.stdout.write(`${JSON.stringify(await profile(databaseUrl, file))}\n`),
};
(modes[mode ?? ''] ?? (() => Promise.reject(new Error(`unknown mode ${mode}`))))().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
