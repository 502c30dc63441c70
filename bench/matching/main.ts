/**
 * Matching benchmark: loads BENCH_OFFERS offers (default 10,000, 1–3 dates each, 15 % online,
 * venues across Hessen) into a real matching service as catalogue.offer.published events, then
 * submits BENCH_NEEDS needs one at a time and measures, per need, publish → the need's event
 * handled (read model, candidate retrieval, scoring with funding, proposals, bundles, gaps and
 * their outbox rows committed; seen as its inbox row).
 *
 *   node -r @swc-node/register bench/matching/main.ts   (npm run bench -- matching)
 *
 * BENCH_OFFERS (10000), BENCH_NEEDS (200). Prints a summary and, as its very last line, one JSON object.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createEvent, NeedSubmitted, OfferPublished, PartnerVerified } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { provisionTestInfrastructure } from '@bildungsraum/testing';
import { machine, percentile, round } from '../outbox/stats';
import { runScript } from '../catalogue-search/service';
import { generateNeed, generateOffer, random } from './generator';

const ROOT = join(__dirname, '..', '..');
const OFFERS = Number(process.env.BENCH_OFFERS ?? 10_000);
const NEEDS = Number(process.env.BENCH_NEEDS ?? 200);

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 2): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function main(): Promise<void> {
  const infra = await provisionTestInfrastructure('benchmatching');
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix, LOG_LEVEL: 'warn', PASSED_DATE_SWEEP_SECONDS: '0', RATE_LIMIT_ENABLED: 'false' };
  await runScript('apps/matching/src/migrate.ts', ['--no-taxonomy'], env);
  const nats = await connectNats({ url: infra.natsUrl, name: 'bench-matching' });
  const jsm = await jetstreamManager(nats);
  for (const service of ['partners', 'needs', 'catalogue'] as const) await ensureServiceStream(jsm, service, infra.subjectPrefix);
  const publisher = new JetStreamPublisher(jetstream(nats), infra.subjectPrefix);
  const port = await freePort();
  const service = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/matching/src/main.ts')], { env: { ...env, PORT: String(port) }, cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false), 60_000, 'matching ready', 200);
    const next = random(20261121);
    const providerIds = Array.from({ length: 50 }, (_, index) => `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`);
    for (const id of providerIds) {
      await publisher.publish(createEvent(PartnerVerified, id, { id, version: 1, kind: 'provider', name: 'Bench-Träger', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: [], networkIds: [] }));
    }
    const loadStarted = performance.now();
    for (let index = 0; index < OFFERS; index += 500) {
      const batch = Array.from({ length: Math.min(500, OFFERS - index) }, () => generateOffer(next, providerIds));
      await Promise.all(batch.map((offer) => publisher.publish(createEvent(OfferPublished, offer.id, offer))));
    }
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.offer_view`)) >= OFFERS, 30 * 60_000, 'offers loaded', 500);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const dates = await count(`SELECT count(*) AS n FROM matching.course_date_view`);

    const latencies: number[] = [];
    let proposals = 0;
    const companyId = '00000000-0000-4000-8000-0000000000cc';
    for (let index = 0; index < NEEDS; index += 1) {
      const need = generateNeed(next, companyId);
      const event = createEvent(NeedSubmitted, need.id, need);
      const started = performance.now();
      await publisher.publish(event);
      await waitFor(async () => (await count(`SELECT count(*) AS n FROM matching.inbox WHERE event_id = $1`, [event.id])) > 0, 60_000, 'need handled');
      latencies.push(performance.now() - started);
      proposals += await count(`SELECT count(*) AS n FROM matching.matches WHERE need_id = $1`, [need.id]);
    }
    const explain = (await db.query(`SELECT count(*) AS n FROM matching.matches`)).rows[0];
    const result = {
      bench: 'matching',
      offers: OFFERS,
      course_dates: dates,
      needs: NEEDS,
      offer_load_per_s: round(OFFERS / loadSeconds),
      need_p50_ms: round(percentile(latencies, 50)),
      need_p95_ms: round(percentile(latencies, 95)),
      need_p99_ms: round(percentile(latencies, 99)),
      proposals_per_need: round(proposals / NEEDS),
      matches_total: Number(explain.n),
    };
    process.stdout.write(
      `matching bench on ${machine()}\n` +
        `  ${OFFERS} offers (${dates} course dates) loaded through events in ${round(loadSeconds)} s (${result.offer_load_per_s}/s)\n` +
        `  ${NEEDS} needs one at a time, publish → handled: p50 ${result.need_p50_ms} ms, p95 ${result.need_p95_ms} ms, p99 ${result.need_p99_ms} ms; ${result.proposals_per_need} proposals per need\n`,
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await db.end();
    await new Promise<void>((resolve) => {
      if (service.exitCode !== null) return resolve();
      service.once('exit', () => resolve());
      service.kill('SIGTERM');
    });
    await drainNats(nats);
    await infra.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
