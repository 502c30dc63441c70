/**
 * Catalogue search benchmark: generates realistic offers (German titles and descriptions across
 * the domains of DOMAIN.md, real postal codes from the shared reference data), bulk-loads them
 * through the catalogue's domain rules, then runs a mix of searches (text + radius + filters +
 * facets) at 20 concurrent clients through the HTTP API and the same statements straight on a
 * pg pool, in one run.
 *
 *   node -r @swc-node/register bench/catalogue-search/main.ts   (npm run bench -- catalogue-search)
 *
 * BENCH_OFFERS (100000), BENCH_DATES_PER_OFFER (3), BENCH_QUERIES (1500), BENCH_CONCURRENCY (20),
 * BENCH_IMPORT_CONCURRENCY (3 transactions of BENCH_IMPORT_BATCH = 200 offers). Prints a summary and, as its very last line, one JSON object.
 * To iterate on the queries against one loaded database: BENCH_KEEP_DATABASE=1 keeps it (its URL
 * is printed), BENCH_DATABASE_URL=<that URL> skips migration and load and only runs the queries;
 * BENCH_RUNS (api,sql) picks the runs; `profile` adds one client's Postgres CPU and pages per query class.
 */
import 'reflect-metadata';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { referenceDataDirectory } from '@bildungsraum/reference-data';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { Client } from 'pg';
import { machine, percentile, round } from '../outbox/stats';
import { generateOffer, loadPlaces, Place, random } from './generator';
import { applyDatabaseSettings, SEARCH_DATABASE_SETTINGS } from './postgres-settings';
import { queryMix, queryString } from './queries';
import { backendsCpuMs, cpuMsOf } from './cpu';
import { httpLoad, runScript, startService } from './service';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const DATES_PER_OFFER = Number(process.env.BENCH_DATES_PER_OFFER ?? 3);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const IMPORT_CONCURRENCY = Number(process.env.BENCH_IMPORT_CONCURRENCY ?? 3);
const PROVIDERS = Math.max(1, Math.round(OFFERS / 50));
const KEPT_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const KEEP_DATABASE = process.env.BENCH_KEEP_DATABASE === '1' || !!KEPT_DATABASE_URL;
const RUNS = new Set((process.env.BENCH_RUNS ?? 'api,sql').split(','));

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

async function writeOffers(file: string, places: ReturnType<typeof loadPlaces>): Promise<number> {
  const started = performance.now();
  const next = random(20261121);
  const out = createWriteStream(file);
  for (let index = 0; index < OFFERS; index += 1) {
    if (!out.write(`${JSON.stringify(generateOffer(next, places, PROVIDERS, DATES_PER_OFFER))}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return (performance.now() - started) / 1000;
}

const summary = (latencies: number[]) => ({ p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), count: latencies.length });

/** The database the run works on: a fresh one (dropped at the end unless kept) or a kept one (BENCH_DATABASE_URL). */
async function benchDatabase(infra: TestInfrastructure): Promise<string> {
  if (KEPT_DATABASE_URL) return KEPT_DATABASE_URL;
  if (!KEEP_DATABASE) return infra.databaseUrl;
  const url = new URL(infra.databaseUrl);
  const name = `${url.pathname.slice(1)}_kept`;
  const admin = new Client({ connectionString: infra.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`).finally(() => admin.end());
  url.pathname = `/${name}`;
  return url.toString();
}

async function loadOffers(env: NodeJS.ProcessEnv, databaseUrl: string, work: string, places: Place[]): Promise<{ imported: number; perSecond: number }> {
  const migrate = performance.now();
  await runScript('apps/catalogue/src/migrate.ts', [], env);
  console.log(`migrate + reference data + ESCO/KldB: ${round((performance.now() - migrate) / 1000, 1)} s`);
  if (process.env.BENCH_PG_DEFAULTS !== '1') {
    await applyDatabaseSettings(databaseUrl);
    console.log(`Postgres settings of docs/operations.md for this database: ${Object.entries(SEARCH_DATABASE_SETTINGS).map(([key, value]) => `${key}=${value}`).join(', ')}`);
  }
  const offersFile = join(work, 'offers.jsonl');
  const generated = await writeOffers(offersFile, places);
  console.log(`generated ${OFFERS} offers × ${DATES_PER_OFFER} dates at ${places.length} real postal codes in ${round(generated, 1)} s`);
  const load = JSON.parse(await runScript('apps/catalogue/scripts/bench-worker.ts', ['load', offersFile, String(PROVIDERS), String(IMPORT_CONCURRENCY)], env)) as { imported: number; dates: number; refused: number; seconds: number; perSecond: number };
  console.log(`import: ${load.imported} offers (${load.dates} dates, ${load.refused} refused: all dates past) in ${round(load.seconds, 1)} s = ${round(load.perSecond, 0)} offers/s (${IMPORT_CONCURRENCY} concurrent transactions of 200 offers; domain rules per offer, venue look-up, set-based search rows, outbox events)`);
  if (KEEP_DATABASE) console.log(`kept database: BENCH_DATABASE_URL=${databaseUrl}`);
  return load;
}

interface LoadRun {
  latencies: number[];
  seconds: number;
  /** CPU of the Postgres backends that served the run (user + system). */
  postgresCpuMs: number;
  /** SQL run: the worker's own CPU (runSearch on a pg pool, no HTTP, no Nest). */
  clientCpuMs?: number;
}

/** The service as its own process, warmed up, then the paths at CONCURRENCY; CPU of the service and of its Postgres backends. */
async function apiRun(env: NodeJS.ProcessEnv, paths: string[]): Promise<LoadRun & { failed: number; serviceCpuMs: number; generatorCpuMs: number }> {
  const port = await freePort();
  const service = await startService({ ...env, OUTBOX_RELAY_ENABLED: 'false', RATE_LIMIT_ENABLED: 'false', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: String(CONCURRENCY) }, port);
  try {
    await httpLoad(port, paths.slice(0, 200), CONCURRENCY); // warm-up: JIT, pool, caches
    const before = { service: cpuMsOf(service.pid), postgres: await backendsCpuMs(env.DATABASE_URL ?? '') };
    const generator = process.cpuUsage();
    const run = await httpLoad(port, paths, CONCURRENCY);
    const generatorCpu = process.cpuUsage(generator);
    return {
      ...run,
      serviceCpuMs: cpuMsOf(service.pid) - before.service,
      postgresCpuMs: (await backendsCpuMs(env.DATABASE_URL ?? '')) - before.postgres,
      generatorCpuMs: (generatorCpu.user + generatorCpu.system) / 1000,
    };
  } finally {
    await service.stop();
  }
}

async function main(): Promise<void> {
  const referenceDir = referenceDataDirectory();
  const infra = await provisionTestInfrastructure('benchcatalogue');
  const work = mkdtempSync(join(tmpdir(), 'catalogue-bench-'));
  const databaseUrl = await benchDatabase(infra);
  const env = { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix };
  try {
    console.log(`Katalogsuche / catalogue search benchmark — ${machine()}`);
    const places = loadPlaces(referenceDir);
    const load = KEPT_DATABASE_URL ? { imported: OFFERS, perSecond: Number.NaN } : await loadOffers(env, databaseUrl, work, places);

    const queries = queryMix(random(42), places, QUERIES);
    const queriesFile = join(work, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(queries));
    const paths = queries.map((query) => `/search?${queryString(query)}`);

    const api = RUNS.has('api') ? await apiRun(env, paths) : undefined;
    const sql = RUNS.has('sql') ? (JSON.parse(await runScript('apps/catalogue/scripts/bench-worker.ts', ['sql', queriesFile, String(CONCURRENCY)], env)) as LoadRun) : undefined;
    if (RUNS.has('profile')) {
      const profile = JSON.parse(await runScript('apps/catalogue/scripts/bench-worker.ts', ['profile', queriesFile], env)) as { pgCpuMsPerSearch: number; pagesPerSearch: number; classes: Array<Record<string, unknown>> };
      console.log(`profile (one client, Postgres CPU and pages per search by class): ${profile.pgCpuMsPerSearch} ms, ${profile.pagesPerSearch} pages on average`);
      console.table(profile.classes);
    }
    const apiStats = api && summary(api.latencies);
    const sqlStats = sql && summary(sql.latencies);
    console.log(`queries: ${QUERIES} (85 % with words, radius 10–100 km around real postal codes, filters, 3 sort orders, facets), ${CONCURRENCY} concurrent clients`);
    if (api && apiStats) console.log(`  API (HTTP, Nest, JSON): p50 ${apiStats.p50} ms, p95 ${apiStats.p95} ms, p99 ${apiStats.p99} ms, ${round(api.latencies.length / api.seconds, 0)} req/s, ${api.failed} failed; CPU per search: service ${round(api.serviceCpuMs / api.latencies.length)} ms, Postgres ${round(api.postgresCpuMs / api.latencies.length)} ms, load generator ${round(api.generatorCpuMs / api.latencies.length)} ms`);
    if (sql && sqlStats) console.log(`  SQL direct (same statements, pg pool): p50 ${sqlStats.p50} ms, p95 ${sqlStats.p95} ms, p99 ${sqlStats.p99} ms, ${round(sql.latencies.length / sql.seconds, 0)} q/s; CPU per search: Postgres ${round(sql.postgresCpuMs / sql.latencies.length)} ms, worker ${round((sql.clientCpuMs ?? Number.NaN) / sql.latencies.length)} ms`);
    if (apiStats && sqlStats) console.log(`  target p95 ≤ 30 ms: ${apiStats.p95 <= 30 ? 'met' : 'NOT met'}; API/SQL p95 ratio ${round(apiStats.p95 / sqlStats.p95)} (target ≤ 1.5)`);
    console.log(
      JSON.stringify({
        bench: 'catalogue-search',
        offers: load.imported,
        import_per_s: round(load.perSecond, 1),
        api_p50_ms: apiStats?.p50,
        api_p95_ms: apiStats?.p95,
        sql_p95_ms: sqlStats?.p95,
        api_to_sql_ratio: apiStats && sqlStats ? round(apiStats.p95 / sqlStats.p95) : undefined,
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    await infra.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
