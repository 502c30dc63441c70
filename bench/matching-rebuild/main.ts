/**
 * Rebuilding matching from the streams, measured (docs/operations.md §10), and the read side it
 * serves: a real matching service as its own process on a fresh database and subject prefix.
 *
 *   1. A history published as events: BENCH_PROVIDERS providers, BENCH_COMPANIES companies and a
 *      network, BENCH_OFFERS offers (bench/matching's generator), BENCH_NEEDS needs spread over
 *      five districts. Live pass: publish → every event handled (events/s).
 *   2. The read side at that size: GET /gaps (first page of 50), GET /bundles (first page) and the
 *      CSV export, each BENCH_READS times (p50/p95), as an operator.
 *   3. Rebuild: the service stopped, prepareMatchingRebuild (what `nx run matching:rebuild` does),
 *      the service started with the relay off; replay until every event is handled again
 *      (events/s). The rebuilt state is compared with the live one (current proposals, bundles,
 *      open gaps: a digest of their content without generated ids).
 *
 *   npm run bench -- matching-rebuild
 *
 * Prints a summary with the machine's load and, as its very last line, one JSON object.
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { CloudEvent, createEvent, NeedSubmitted, NetworkCreated, OfferPublished, PartnerVerified } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { loadConfig, mintDevToken, ServiceConfig } from '@bildungsraum/platform';
import { provisionTestInfrastructure } from '@bildungsraum/testing';
import { prepareMatchingRebuild } from '../../apps/matching/src/rebuild/rebuild-matching';
import { runScript } from '../catalogue-search/service';
import { freePort, waitFor } from '../common/matching-service';
import { generateNeed, generateOffer, random } from '../matching/generator';
import { machine, percentile, round } from '../outbox/stats';

const ROOT = join(__dirname, '..', '..');
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PROVIDERS = knob('BENCH_PROVIDERS', 50);
const COMPANIES = knob('BENCH_COMPANIES', 100);
const OFFERS = knob('BENCH_OFFERS', 500);
const NEEDS = knob('BENCH_NEEDS', 400);
const READS = knob('BENCH_READS', 20);
const DISTRICTS = ['06635', '06633', '06634', '06636', '06611'];

const load = () => loadavg().map((value) => round(value)).join(' ');
const ms = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) });

/** The matching service as its own process; resolves when /health/ready answers. */
async function startService(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/matching/src/main.ts')], { env: { ...env, PORT: String(port) }, cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`matching exited with ${child.exitCode}`);
      return fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false);
    },
    120_000,
    'matching ready',
    200,
  );
  return child;
}

function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The history: partners first, then offers and needs, as a region's first months would have them. */
function history(): CloudEvent[] {
  const next = random(20261121);
  const providerIds = Array.from({ length: PROVIDERS }, (_, i) => `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`);
  const companyIds = Array.from({ length: COMPANIES }, (_, i) => `00000000-0000-4000-9000-${i.toString().padStart(12, '0')}`);
  const coordinatorId = '00000000-0000-4000-a000-000000000001';
  const networkId = '00000000-0000-4000-b000-000000000001';
  const events: CloudEvent[] = [];
  events.push(createEvent(PartnerVerified, coordinatorId, { id: coordinatorId, version: 1, kind: 'coordinating_body', name: 'Regionalagentur', status: 'verified', sites: [], districtKeys: DISTRICTS, networkIds: [] }));
  events.push(createEvent(NetworkCreated, networkId, { id: networkId, version: 1, name: 'Verbund', districtKeys: DISTRICTS, members: [{ partnerId: coordinatorId, role: 'coordinator' }] }));
  for (const id of providerIds) events.push(createEvent(PartnerVerified, id, { id, version: 1, kind: 'provider', name: 'Bench-Träger', status: 'verified', provider: { azavApproved: next() < 0.7 }, sites: [], districtKeys: [DISTRICTS[Math.floor(next() * DISTRICTS.length)]!], networkIds: [] }));
  for (const id of companyIds) events.push(createEvent(PartnerVerified, id, { id, version: 1, kind: 'company', name: 'Bench-Betrieb', status: 'verified', company: { employees: 5 + Math.floor(next() * 300), sizeClass: 'small' }, sites: [], districtKeys: ['06635'], networkIds: next() < 0.5 ? [networkId] : [] }));
  for (let i = 0; i < OFFERS; i += 1) {
    const offer = generateOffer(next, providerIds);
    events.push(createEvent(OfferPublished, offer.id, offer));
  }
  for (let i = 0; i < NEEDS; i += 1) {
    const need = generateNeed(next, companyIds[Math.floor(next() * companyIds.length)]!);
    need.site.districtKey = DISTRICTS[Math.floor(next() * DISTRICTS.length)]!;
    need.company.nameVisibleToProviders = next() < 0.5;
    events.push(createEvent(NeedSubmitted, need.id, need));
  }
  return events;
}

/** What is current, without generated ids or timestamps: equal digests = the same state. */
interface StateDigest {
  matches: number;
  bundles: number;
  gaps: number;
  sha256: string;
  /** Per part, so a difference says where it is. */
  parts: Record<'matches' | 'bundles' | 'gaps', string>;
  rows: Record<'matches' | 'bundles' | 'gaps', unknown[]>;
}

async function digest(db: Client): Promise<StateDigest> {
  const rows = async (sql: string) => (await db.query(sql)).rows as unknown[];
  const matches = await rows(`SELECT need_id, course_date_id, status, round(score::numeric, 9) AS score, company_cost_cents FROM matching.matches WHERE status IN ('proposed', 'accepted', 'confirmed') ORDER BY 1, 2`);
  const bundles = await rows(`SELECT course_date_id, status, members FROM matching.bundles WHERE status <> 'dissolved' ORDER BY 1`);
  const gaps = await rows(`SELECT g.district_key, g.skill_group, (SELECT sum(participants) FROM matching.gap_demand d WHERE d.district_key = g.district_key AND d.skill_group = g.skill_group) AS demand FROM matching.gaps g WHERE status = 'open' ORDER BY 1, 2`);
  const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
  return {
    matches: matches.length,
    bundles: bundles.length,
    gaps: gaps.length,
    sha256: hash([matches, bundles, gaps]),
    parts: { matches: hash(matches), bundles: hash(bundles), gaps: hash(gaps) },
    rows: { matches, bundles, gaps },
  };
}

/** The first rows in which two states differ, per part (for the summary when they are not equal). */
function differences(live: StateDigest, rebuilt: StateDigest): string[] {
  return (['matches', 'bundles', 'gaps'] as const).flatMap((part) => {
    if (live.parts[part] === rebuilt.parts[part]) return [];
    const a = live.rows[part].map((row) => JSON.stringify(row));
    const b = new Set(rebuilt.rows[part].map((row) => JSON.stringify(row)));
    const missing = a.filter((row) => !b.has(row));
    return [`${part}: ${missing.length} live rows not in the rebuilt state, e.g. ${missing.slice(0, 2).join(' | ').slice(0, 600)}`];
  });
}

async function timed(samples: number[], work: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const response = await work();
  const body = await response.arrayBuffer();
  samples.push(performance.now() - started);
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${Buffer.from(body).toString('utf8').slice(0, 500)}`);
  return response;
}

async function main(): Promise<void> {
  const loadBefore = load();
  const infra = await provisionTestInfrastructure('benchrebuild');
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix, LOG_LEVEL: 'warn', AUTH_MODE: 'local', NODE_ENV: 'development', PASSED_DATE_SWEEP_SECONDS: '0', RATE_LIMIT_ENABLED: 'false' };
  const nats = await connectNats({ url: infra.natsUrl, name: 'bench-matching-rebuild' });
  const db = new Client({ connectionString: infra.databaseUrl });
  let service: ChildProcess | undefined;
  try {
    await runScript('apps/matching/src/migrate.ts', ['--no-taxonomy'], env);
    const jsm = await jetstreamManager(nats);
    for (const stream of ['partners', 'needs', 'catalogue'] as const) await ensureServiceStream(jsm, stream, infra.subjectPrefix);
    await db.connect();
    const handled = async () => Number((await db.query(`SELECT count(*) AS n FROM matching.inbox`)).rows[0].n);
    const port = await freePort();
    service = await startService(env, port);

    // 1. Live pass.
    const events = history();
    const publisher = new JetStreamPublisher(jetstream(nats), infra.subjectPrefix);
    const liveStarted = performance.now();
    for (let i = 0; i < events.length; i += 200) await Promise.all(events.slice(i, i + 200).map((event) => publisher.publish(event)));
    await waitFor(async () => (await handled()) >= events.length, 1_800_000, 'live pass handled', 500);
    const liveSeconds = (performance.now() - liveStarted) / 1000;
    const live = await digest(db);
    const loadAfterLive = load();

    // 2. Read side at this size.
    const config = loadConfig(ServiceConfig, { DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, AUTH_MODE: 'local' });
    const headers = { authorization: `Bearer ${await mintDevToken({ role: 'operator', partnerId: '00000000-0000-4000-8000-00000000b0b0', ttl: '1h' }, config)}` };
    const base = `http://127.0.0.1:${port}`;
    const gapsPage: number[] = [];
    const bundlesPage: number[] = [];
    const csv: number[] = [];
    let csvBytes = 0;
    for (let i = 0; i < READS; i += 1) {
      await timed(gapsPage, () => fetch(`${base}/gaps?limit=50`, { headers }));
      await timed(bundlesPage, () => fetch(`${base}/bundles?limit=50`, { headers }));
      const started = performance.now();
      const response = await fetch(`${base}/gaps/export.csv`, { headers });
      csvBytes = (await response.arrayBuffer()).byteLength;
      csv.push(performance.now() - started);
    }
    const allGaps = Number((await db.query(`SELECT count(*) AS n FROM matching.gaps`)).rows[0].n);
    const allBundles = Number((await db.query(`SELECT count(*) AS n FROM matching.bundles`)).rows[0].n);

    // 3. Rebuild.
    await stopService(service);
    service = undefined;
    const rebuildStarted = performance.now();
    const prepared = await prepareMatchingRebuild({ databaseUrl: infra.databaseUrl, natsUrl: infra.natsUrl, subjectPrefix: infra.subjectPrefix });
    const prepareSeconds = (performance.now() - rebuildStarted) / 1000;
    service = await startService({ ...env, OUTBOX_RELAY_ENABLED: 'false' }, port);
    await waitFor(async () => (await handled()) >= events.length, 1_800_000, 'replay handled', 500);
    const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
    const rebuilt = await digest(db);
    const reannounced = Number((await db.query(`SELECT count(*) AS n FROM matching.outbox WHERE sent_at IS NULL`)).rows[0].n);
    const loadAfter = load();

    const result = {
      bench: 'matching-rebuild',
      events: events.length,
      offers: OFFERS,
      needs: NEEDS,
      live_seconds: round(liveSeconds),
      live_events_per_s: round(events.length / liveSeconds),
      prepare_seconds: round(prepareSeconds),
      rebuild_seconds: round(rebuildSeconds),
      rebuild_events_per_s: round(events.length / rebuildSeconds),
      same_state: live.sha256 === rebuilt.sha256,
      matches: live.matches,
      bundles: live.bundles,
      open_gaps: live.gaps,
      reannounced_events: reannounced,
      gaps_total: allGaps,
      bundles_total: allBundles,
      gaps_page_ms: ms(gapsPage),
      bundles_page_ms: ms(bundlesPage),
      csv_export_ms: ms(csv),
      csv_bytes: csvBytes,
      load_before: loadBefore,
      load_after_live: loadAfterLive,
      load_after: loadAfter,
    };
    process.stdout.write(
      [
        `matching-rebuild on ${machine()}`,
        `history: ${events.length} events (${PROVIDERS} providers, ${COMPANIES} companies, ${OFFERS} offers, ${NEEDS} needs)`,
        `live pass:  ${result.live_seconds} s (${result.live_events_per_s} events/s) → ${live.matches} current proposals, ${live.bundles} bundles, ${live.gaps} open gaps`,
        `read side:  GET /gaps p50 ${result.gaps_page_ms.p50} ms p95 ${result.gaps_page_ms.p95} ms · GET /bundles p50 ${result.bundles_page_ms.p50} ms p95 ${result.bundles_page_ms.p95} ms · CSV (${allGaps} gaps, ${csvBytes} bytes) p50 ${result.csv_export_ms.p50} ms p95 ${result.csv_export_ms.p95} ms`,
        `rebuild:    prepare ${result.prepare_seconds} s (emptied ${prepared.emptied.length} tables, deleted ${prepared.deletedConsumers.length} consumers), replay until handled ${result.rebuild_seconds} s (${result.rebuild_events_per_s} events/s)`,
        `            same state as live: ${result.same_state ? 'yes' : `NO (live ${live.sha256.slice(0, 12)}, rebuilt ${rebuilt.sha256.slice(0, 12)}: ${rebuilt.matches} proposals, ${rebuilt.bundles} bundles, ${rebuilt.gaps} gaps)`}; ${reannounced} events held in the outbox (relay off)`,
        ...differences(live, rebuilt).map((line) => `            ${line}`),
        `load (1/5/15 min): before ${loadBefore} · after live ${loadAfterLive} · after rebuild ${loadAfter}`,
        JSON.stringify(result),
      ].join('\n') + '\n',
    );
  } finally {
    if (service) await stopService(service);
    await db.end().catch(() => undefined);
    await drainNats(nats);
    await infra.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
