import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { createEvent, PartnerVerified, prefixedName } from '@bildungsraum/contracts';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { loadConfig, mintDevToken, ServiceConfig } from '@bildungsraum/platform';
import { provisionTestInfrastructure } from '@bildungsraum/testing';
import { machine, percentile, round } from '../outbox/stats';
import { cpuPerRequest, sampleCpu } from './cpu';
import { closeClients, fixedRate, saturate, Target } from './load';
import { freePort, migrate, startService } from './service';
import { RunTrace } from './trace';

/**
 * Sustained need submissions over HTTP against the real service (child process): each request
 * is authenticated (JWT), validated, and written with its outbox event in one transaction; the
 * relay publishes to JetStream. Knobs: BENCH_COMPANIES (50), BENCH_CONCURRENCY (32),
 * BENCH_SATURATION_SECONDS (10), BENCH_RATE (500), BENCH_RATE_SECONDS (20).
 */
const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 20);

const need = (i: number) =>
  JSON.stringify({
    description: `Staplerschein für Lagerkräfte (Bench ${i})`,
    skillUris: ['http://data.europa.eu/esco/skill/3f0b2b4e-5f0f-4f55-9d4a-6c0f2f8c9a11'],
    kldbCode: '51312',
    participants: 2,
    targetGroups: ['employees'],
    participantsByTargetGroup: [{ targetGroup: 'employees', count: 2 }],
    dqrLevel: 2,
    maxTravelKm: 40,
    formats: ['in_person'],
    schedules: ['full_time'],
    earliestStart: '2030-02-01',
    latestEnd: '2030-06-30',
    budgetPerParticipantCents: 45000,
    fundingAdviceWanted: true,
    staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 0 },
    submit: true,
  });

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  process.env.DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.NATS_URL ||= 'nats://127.0.0.1:4222';
  const loadBefore = loadavg()[0] ?? 0;
  const infra = await provisionTestInfrastructure('benchneeds');
  const env = { ...process.env, DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl, BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix, LOG_LEVEL: 'warn', AUTH_MODE: 'local', NODE_ENV: 'development' };
  const nc = await connectNats({ url: infra.natsUrl, name: 'bench-needs', waitOnFirstConnect: true });
  const db = new Client({ connectionString: infra.databaseUrl });
  const database = new URL(infra.databaseUrl).pathname.slice(1);
  const trace = new RunTrace();
  let stop: () => Promise<void> = async () => undefined;
  try {
    await db.connect();
    await trace.start(db, database);
    migrate(env);
    const port = await freePort();
    const service = await startService(env, port, trace.serviceOptions());
    stop = service.stop;
    const cpu = () => sampleCpu(service.child.pid ?? 0, db, database);
    const count = async (sql: string) => Number(((await db.query(sql)).rows[0] as { n: string }).n);

    // Companies arrive as partners would publish them; the service's read model must have them.
    const jsm = await jetstreamManager(nc);
    await ensureServiceStream(jsm, 'partners', infra.subjectPrefix);
    const publisher = new JetStreamPublisher(jetstream(nc), infra.subjectPrefix);
    const companies = Array.from({ length: COMPANIES }, () => randomUUID());
    for (const [index, id] of companies.entries()) {
      await publisher.publish(createEvent(PartnerVerified, id, {
        id, version: 1, kind: 'company', name: `Bench-Betrieb ${index}`, status: 'verified', company: { employees: 42, sizeClass: 'small' },
        sites: [{ id: randomUUID(), label: 'Hauptsitz', postalCode: '34497', city: 'Korbach', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' }],
        districtKeys: ['06635'], networkIds: [],
      }));
    }
    await waitFor('read model of companies', async () => (await count(`SELECT count(*) AS n FROM needs.partner_view`)) === COMPANIES);
    const config = loadConfig(ServiceConfig, { DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl });
    const tokens = await Promise.all(companies.map((partnerId) => mintDevToken({ role: 'company', partnerId, ttl: '1h' }, config)));
    const target: Target = { port, path: '/needs', request: (i) => ({ body: need(i), token: tokens[i % tokens.length] as string }) };
    const drained = () => waitFor('outbox drained', async () => (await count(`SELECT count(*) AS n FROM needs.outbox WHERE sent_at IS NULL`)) === 0);

    await saturate(target, 8, 2, 0); // warm-up: JIT, pools, connections
    await drained();
    const cpuBeforeSaturation = await cpu();
    const saturation = await saturate(target, CONCURRENCY, SATURATION_SECONDS, 1_000_000);
    await drained();
    const cpuBeforeSteady = await cpu();
    const steadyFrom = Date.now();
    const steady = await fixedRate(target, RATE, RATE_SECONDS, 2_000_000);
    const steadyTo = Date.now();
    await drained();
    const cpuAfter = await cpu();
    // CPU per request includes the relay's work for it (the outbox has drained at each sample).
    const saturationCpu = cpuPerRequest(cpuBeforeSaturation, cpuBeforeSteady, saturation.ok + saturation.failed);
    const steadyCpu = cpuPerRequest(cpuBeforeSteady, cpuAfter, steady.ok + steady.failed);

    const submitted = await count(`SELECT count(*) AS n FROM needs.needs WHERE status = 'submitted'`);
    const stream = await jsm.streams.info(prefixedName('NEEDS', infra.subjectPrefix));
    const eventsInStream = stream.state.messages;
    const failed = saturation.failed + steady.failed;
    const figures = {
      bench: 'needs-intake',
      max_per_s: round(saturation.perSecond, 0),
      p50_ms: round(percentile(steady.latencies, 50)),
      p99_ms: round(percentile(steady.latencies, 99)),
      offered_rate_per_s: RATE,
      events_in_stream: eventsInStream,
      submitted,
      achieved_rate_per_s: round(steady.achievedPerSecond, 0),
      failed_requests: failed,
      service_cpu_ms_per_request: steadyCpu.service,
      service_system_cpu_ms_per_request: steadyCpu.serviceSystem,
      postgres_cpu_ms_per_request: steadyCpu.postgres,
      bench_cpu_ms_per_request: steadyCpu.bench,
      // Other work on the machine competes for the same 2 cores: read the figures with it.
      load_avg_1m_before: round(loadBefore),
    };
    console.log(`Bildungsraum needs intake bench – ${machine()}; 1-min load average before the run ${figures.load_avg_1m_before}`);
    console.log(`  saturation (${CONCURRENCY} clients, ${SATURATION_SECONDS} s): ${figures.max_per_s} submissions/s, p50 ${round(percentile(saturation.latencies, 50))} ms, p99 ${round(percentile(saturation.latencies, 99))} ms`);
    console.log(`  fixed rate ${RATE}/s for ${RATE_SECONDS} s: achieved ${figures.achieved_rate_per_s}/s, p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, max ${round(Math.max(...steady.latencies))} ms`);
    console.log(`  CPU ms per request (service / Postgres backends / bench): saturation ${saturationCpu.service} / ${saturationCpu.postgres} / ${saturationCpu.bench}, fixed rate ${steadyCpu.service} / ${steadyCpu.postgres} / ${steadyCpu.bench}; service in kernel mode: saturation ${saturationCpu.serviceSystem}, fixed rate ${steadyCpu.serviceSystem}`);
    trace.report(database, steady.dueAt, steady.latencies, steadyFrom, steadyTo, 25);
    if (failed > 0) {
      const statuses: Record<number, number> = {};
      for (const [status, n] of [...saturation.statuses, ...steady.statuses]) statuses[status] = (statuses[status] ?? 0) + n;
      console.log(`  responses by status: ${JSON.stringify(statuses)} (0 = connection failed)`);
    }
    console.log(`  needs submitted ${submitted}, needs.need.submitted.v1 in stream ${eventsInStream}: ${submitted === eventsInStream ? 'none lost' : 'MISMATCH'}; failed requests ${failed}`);
    console.log(`  target p99 < 25 ms at ${RATE}/s: ${figures.p99_ms < 25 ? 'met' : 'missed'}`);
    console.log(JSON.stringify(figures));
  } finally {
    closeClients();
    await stop();
    await db.end().catch(() => undefined);
    await drainNats(nc);
    await infra.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
