/**
 * Matching benchmark (issue 5): a real matching service as its own process, fresh database and
 * subject prefix, measured through real events:
 *
 *   1. BENCH_OFFERS_SMALL offers (10,000): the first BENCH_EVENT_OFFERS (2,000) published as events
 *      (BENCH_PUBLISH_CONCURRENCY at once; offer_load_per_s), the rest bulk-written into the read
 *      models (bulk.ts; BENCH_BULK=0 publishes them as events too). Then BENCH_NEEDS needs one at a
 *      time: publish → handled (its inbox row committed), p50/p95/p99.
 *   2. BENCH_OPEN_NEEDS open needs (50,000) of 2,000 companies, handed to the service's own need
 *      handler in this process (bulk-needs.ts; BENCH_BULK=0: published as events), needs/s.
 *   3. BENCH_NEW_OFFERS new offers one at a time against them: publish → handled.
 *   4. BENCH_NEED_CHANGES changes of open needs, three kinds: nothing pooling sees (text only),
 *      participants (every bundle place of the need changes) and skills no offer teaches (a gap
 *      opens, its bundle places go): publish → handled, and the incremental cost of the change to
 *      bundles and gaps as the service times it (matching_rematch_step_seconds{step="pooling"}).
 *   5. Up to BENCH_OFFERS offers (100,000), bulk-written, then BENCH_NEEDS needs again. The open
 *      needs of phase 2 are not re-matched against these (bulk), fresh needs are matched against all.
 *
 *   node -r @swc-node/register bench/matching/main.ts   (npm run bench -- matching)
 *
 * Prints a summary with the machine's load and, as its very last line, one JSON object.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { CloudEvent, createEvent, NeedSnapshotV1, NeedSubmitted, NeedUpdated, OfferPublished, PartnerVerified } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { provisionTestInfrastructure } from '@bildungsraum/testing';
import { machine, percentile, round } from '../outbox/stats';
import { runScript } from '../catalogue-search/service';
import { bulkInsertOffers } from './bulk';
import { handleNeedsInProcess } from './bulk-needs';
import { generateNeed, generateOffer, random } from './generator';

const ROOT = join(__dirname, '..', '..');
const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OFFERS_SMALL = knob('BENCH_OFFERS_SMALL', 10_000);
const EVENT_OFFERS = Math.min(knob('BENCH_EVENT_OFFERS', 2_000), OFFERS_SMALL);
const OFFERS = Math.max(knob('BENCH_OFFERS', 100_000), OFFERS_SMALL);
const NEEDS = knob('BENCH_NEEDS', 200);
const OPEN_NEEDS = knob('BENCH_OPEN_NEEDS', 50_000);
const NEW_OFFERS = knob('BENCH_NEW_OFFERS', 30);
const NEED_CHANGES = knob('BENCH_NEED_CHANGES', 30);
const CONCURRENCY = knob('BENCH_PUBLISH_CONCURRENCY', 500);
const BULK = process.env.BENCH_BULK !== '0';
const BULK_NEED_CONCURRENCY = knob('BENCH_BULK_NEED_CONCURRENCY', 2);
const S = 'matching';

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

const load = () => loadavg().map((value) => round(value)).join(' ');
const stats = (samples: number[]) => ({ p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)) });

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
  const handled = (event: CloudEvent) => count(`SELECT count(*) AS n FROM ${S}.inbox WHERE event_id = $1`, [event.id]).then((n) => n > 0);
  const outboxMark = () => count(`SELECT coalesce(max(position), 0) AS n FROM ${S}.outbox`);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  /** Σ seconds and count of one re-match step (matching_rematch_step_seconds on /metrics). */
  const stepTotals = async (step: string) => {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const value = (kind: string) => Number(text.split('\n').find((line) => line.startsWith(`matching_rematch_step_seconds_${kind}{`) && line.includes(`step="${step}"`))?.split(' ').pop() ?? 0);
    return { seconds: value('sum'), count: value('count') };
  };

  /** Needs the service's offer handler brought up to date, by path (matching_offer_needs_total{path} on /metrics). */
  const offerNeeds = async () => {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
    const value = (path: string) => Number(text.split('\n').find((line) => line.startsWith('matching_offer_needs_total{') && line.includes(`path="${path}"`))?.split(' ').pop() ?? 0);
    return { inserted: value('inserted'), rematched: value('rematched') };
  };

  /** Publishes events CONCURRENCY at a time (the consumer handles them in order). */
  const publishAll = async (events: CloudEvent[]) => {
    for (let index = 0; index < events.length; index += CONCURRENCY) await Promise.all(events.slice(index, index + CONCURRENCY).map((event) => publisher.publish(event)));
  };
  /** One event at a time: publish → its inbox row committed (polled every 2 ms). */
  const timeOne = async (event: CloudEvent) => {
    const started = performance.now();
    await publisher.publish(event);
    await waitFor(() => handled(event), 120_000, `${event.type} handled`);
    return performance.now() - started;
  };

  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false), 60_000, 'matching ready', 200);
    const next = random(20261121);
    const providerIds = Array.from({ length: 50 }, (_, index) => `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`);
    await publishAll(providerIds.map((id) => createEvent(PartnerVerified, id, { id, version: 1, kind: 'provider', name: 'Bench-Träger', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: [], networkIds: [] })));

    const needsPhase = async (label: string) => {
      const latencies: number[] = [];
      let proposals = 0;
      const companyId = '00000000-0000-4000-8000-0000000000cc';
      for (let index = 0; index < NEEDS; index += 1) {
        const need = generateNeed(next, companyId);
        latencies.push(await timeOne(createEvent(NeedSubmitted, need.id, need)));
        proposals += await count(`SELECT count(*) AS n FROM ${S}.matches WHERE need_id = $1`, [need.id]);
      }
      const figures = { ...stats(latencies), proposals_per_need: round(proposals / NEEDS), load: load() };
      say(`  ${label}: ${NEEDS} needs one at a time, publish → handled p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms; ${figures.proposals_per_need} proposals per need (load ${figures.load})`);
      return figures;
    };

    say(`matching bench on ${machine()}, load ${load()}`);
    // 1. The first offers through events, the rest of the first phase bulk-written (or events).
    const loadOffers = async (from: number, to: number, bulk: boolean) => {
      for (let index = from; index < to; index += 5_000) {
        const batch = Array.from({ length: Math.min(5_000, to - index) }, () => generateOffer(next, providerIds));
        if (bulk) await bulkInsertOffers(db, S, batch);
        else await publishAll(batch.map((offer) => createEvent(OfferPublished, offer.id, offer)));
      }
      await waitFor(async () => (await count(`SELECT count(*) AS n FROM ${S}.offer_view`)) >= to, 3 * 60 * 60_000, 'offers loaded', 500);
      await db.query(`ANALYZE ${S}.offer_view; ANALYZE ${S}.course_date_view`);
    };
    let started = performance.now();
    await loadOffers(0, EVENT_OFFERS, false);
    const offerLoadPerS = EVENT_OFFERS / ((performance.now() - started) / 1000);
    say(`  ${EVENT_OFFERS} offers through events: ${round(offerLoadPerS)}/s`);
    started = performance.now();
    await loadOffers(EVENT_OFFERS, OFFERS_SMALL, BULK);
    say(`  ${OFFERS_SMALL - EVENT_OFFERS} more offers ${BULK ? 'bulk-written' : 'through events'} in ${round((performance.now() - started) / 1000)} s`);
    const small = { dates: await count(`SELECT count(*) AS n FROM ${S}.course_date_view`), ...(await needsPhase(`${OFFERS_SMALL} offers`)) };

    // 2. Open needs of many companies: through the service's need handler in this process (bulk-needs.ts) or events.
    started = performance.now();
    const companies = Array.from({ length: 2_000 }, (_, index) => `00000000-0000-4000-9000-${index.toString().padStart(12, '0')}`);
    const openNeeds: NeedSnapshotV1[] = [];
    for (let index = 0; index < OPEN_NEEDS; index += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, OPEN_NEEDS - index) }, () => generateNeed(next, companies[Math.floor(next() * companies.length)]!));
      openNeeds.push(...batch);
      if (BULK) await handleNeedsInProcess(infra.databaseUrl, batch, BULK_NEED_CONCURRENCY);
      else await publishAll(batch.map((need) => createEvent(NeedSubmitted, need.id, need)));
      say(`    ${openNeeds.length} open needs ${BULK ? 'handed to the handler' : 'published'}, ${await count(`SELECT count(*) AS n FROM ${S}.need_view`)} handled (load ${load()})`);
    }
    const totalNeeds = NEEDS + OPEN_NEEDS;
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM ${S}.need_view`)) >= totalNeeds, 3 * 60 * 60_000, 'open needs loaded', 1_000);
    const needLoadPerS = OPEN_NEEDS / ((performance.now() - started) / 1000);
    // The relay publishes what the needs wrote before anything is measured.
    await waitFor(async () => (await count(`SELECT count(*) AS n FROM ${S}.outbox WHERE sent_at IS NULL`)) === 0, 30 * 60_000, 'outbox relayed', 1_000);
    await db.query(`ANALYZE ${S}.need_view; ANALYZE ${S}.need_admission; ANALYZE ${S}.matches; ANALYZE ${S}.bundle_fits`);
    say(`  ${OPEN_NEEDS} open needs ${BULK ? 'through the handler in process' : 'through events'}: ${round(needLoadPerS)}/s; ${await count(`SELECT count(*) AS n FROM ${S}.bundles`)} bundles, ${await count(`SELECT count(*) AS n FROM ${S}.gaps WHERE status = 'open'`)} open gaps`);

    // 3. One new offer at a time against the open needs.
    const offerLatencies: number[] = [];
    let offerEvents = 0;
    // The service's own CPU (user + system, /proc): less sensitive to the machine's load than latency.
    const serviceCpuMs = () => {
      const fields = readFileSync(`/proc/${service.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    };
    const cpuBefore = serviceCpuMs();
    const needsBefore = await offerNeeds();
    for (let index = 0; index < NEW_OFFERS; index += 1) {
      const offer = generateOffer(next, providerIds);
      const mark = await outboxMark();
      offerLatencies.push(await timeOne(createEvent(OfferPublished, offer.id, offer)));
      offerEvents += await count(`SELECT count(*) AS n FROM ${S}.outbox WHERE position > $1`, [mark]);
    }
    const needsAfter = await offerNeeds();
    const newOffer = {
      ...stats(offerLatencies),
      events_per_offer: round(offerEvents / NEW_OFFERS),
      needs_inserted: round((needsAfter.inserted - needsBefore.inserted) / NEW_OFFERS),
      needs_rematched: round((needsAfter.rematched - needsBefore.rematched) / NEW_OFFERS),
      service_cpu_ms: round((serviceCpuMs() - cpuBefore) / NEW_OFFERS),
      load: load(),
    };
    say(
      `  ${NEW_OFFERS} new offers one at a time against ${OPEN_NEEDS} open needs: p50 ${newOffer.p50} ms, p95 ${newOffer.p95} ms, p99 ${newOffer.p99} ms; ${newOffer.events_per_offer} match/bundle/gap events each; ` +
        `needs inserted into ${newOffer.needs_inserted}, re-matched ${newOffer.needs_rematched} per offer; service CPU ${newOffer.service_cpu_ms} ms per offer (load ${newOffer.load})`,
    );

    // 4. Need changes: text only, participants, skills nobody teaches.
    const kinds = {
      text: (need: NeedSnapshotV1) => ({ ...need, description: `${need.description} (geändert)` }),
      participants: (need: NeedSnapshotV1) => ({ ...need, participants: need.participants + 1, participantsByTargetGroup: [{ targetGroup: 'employees' as const, count: need.participants + 1 }] }),
      gap: (need: NeedSnapshotV1) => ({ ...need, skillUris: [`http://data.europa.eu/esco/skill/bench-unserved-${Math.floor(next() * 20)}`] }),
    };
    const changes: Record<string, ReturnType<typeof stats> & { events_per_change: number; pooling_ms: number }> = {};
    let cursor = 0;
    for (const [kind, change] of Object.entries(kinds)) {
      const latencies: number[] = [];
      let events = 0;
      const poolingBefore = await stepTotals('pooling');
      for (let index = 0; index < NEED_CHANGES; index += 1) {
        const need = openNeeds[cursor++ % openNeeds.length]!;
        const changed = { ...change(need), version: need.version + 1, changeKind: 'content' as const };
        openNeeds[(cursor - 1) % openNeeds.length] = changed;
        const mark = await outboxMark();
        latencies.push(await timeOne(createEvent(NeedUpdated, changed.id, changed)));
        events += await count(`SELECT count(*) AS n FROM ${S}.outbox WHERE position > $1 AND type LIKE 'matching.bundle.%' OR position > $1 AND type LIKE 'matching.gap.%'`, [mark]);
      }
      const poolingAfter = await stepTotals('pooling');
      const pooling_ms = round(((poolingAfter.seconds - poolingBefore.seconds) * 1000) / Math.max(1, poolingAfter.count - poolingBefore.count));
      changes[kind] = { ...stats(latencies), events_per_change: round(events / NEED_CHANGES), pooling_ms };
      say(`  need change (${kind}): p50 ${changes[kind].p50} ms, p95 ${changes[kind].p95} ms; bundles and gaps ${pooling_ms} ms of it on average, ${changes[kind].events_per_change} bundle/gap events each (load ${load()})`);
    }

    // 5. Up to OFFERS offers, bulk-written; fresh needs again.
    started = performance.now();
    await loadOffers(OFFERS_SMALL, OFFERS, BULK);
    say(`  ${OFFERS - OFFERS_SMALL} more offers ${BULK ? 'bulk-written' : 'through events'} in ${round((performance.now() - started) / 1000)} s`);
    const large = { dates: await count(`SELECT count(*) AS n FROM ${S}.course_date_view`), ...(await needsPhase(`${OFFERS} offers`)) };

    const result = {
      bench: 'matching',
      event_offers: EVENT_OFFERS,
      offers_small: OFFERS_SMALL,
      course_dates_small: small.dates,
      offer_load_per_s: round(offerLoadPerS),
      need_p50_ms_small: small.p50,
      need_p95_ms_small: small.p95,
      need_p99_ms_small: small.p99,
      offers: OFFERS,
      course_dates: large.dates,
      need_p50_ms: large.p50,
      need_p95_ms: large.p95,
      need_p99_ms: large.p99,
      need_p95_growth: round(large.p95 / small.p95),
      proposals_per_need: large.proposals_per_need,
      open_needs: OPEN_NEEDS,
      open_need_load_per_s: round(needLoadPerS),
      new_offer_p50_ms: newOffer.p50,
      new_offer_p95_ms: newOffer.p95,
      new_offer_p99_ms: newOffer.p99,
      new_offer_events: newOffer.events_per_offer,
      new_offer_needs_inserted: newOffer.needs_inserted,
      new_offer_needs_rematched: newOffer.needs_rematched,
      new_offer_service_cpu_ms: newOffer.service_cpu_ms,
      change_text_p50_ms: changes.text.p50,
      change_participants_p50_ms: changes.participants.p50,
      change_gap_p50_ms: changes.gap.p50,
      pooling_ms_text: changes.text.pooling_ms,
      pooling_ms_participants: changes.participants.pooling_ms,
      pooling_ms_gap: changes.gap.pooling_ms,
      pooling_events_participants: changes.participants.events_per_change,
      pooling_events_gap: changes.gap.events_per_change,
      bulk: BULK,
      load: load(),
    };
    say(JSON.stringify(result));
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
