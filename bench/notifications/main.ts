import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createEvent, GapDetected, PartnerVerified, prefixedName } from '@bildungsraum/contracts';
import { connectNats, drainNats, JetStreamPublisher } from '@bildungsraum/messaging';
import { loadConfig, mintDevToken, ServiceConfig } from '@bildungsraum/platform';
import { eventually, provisionTestInfrastructure } from '@bildungsraum/testing';
import { machine, percentile, round } from '../outbox/stats';
import { freePort } from '../needs-intake/service';
import { BenchReceiver } from './receivers';
import { migrateNotifications, startNotifications } from './service';

/**
 * Fan-out: BENCH_EVENTS (10,000) matching.gap.detected events in one district, each concerning
 * BENCH_RECEIVERS (20) providers with a webhook each, published at BENCH_RATE (500/s). Then one
 * receiver goes down while BENCH_OUTAGE_EVENTS (2,000) more arrive, comes back, and the time
 * until its backlog is drained is measured (retries follow BENCH_RETRY_SCHEDULE_MS).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const OUTAGE_EVENTS = Number(process.env.BENCH_OUTAGE_EVENTS ?? 2_000);
// Long enough (≈ 3.6 min) that the down receiver's first deliveries are not exhausted while the other 19 get theirs on a slow machine.
const SCHEDULE = process.env.BENCH_RETRY_SCHEDULE_MS ?? '1000,2000,4000,8000,16000,32000,32000,32000,32000,32000';
const DISTRICT = '06635';
/** CPU time (user + system, ms) a process has used so far, from /proc (clock ticks of 10 ms on Linux). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
const benchCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
/** Runs http-ceiling.ts in a child process against `urls`. */
function httpCeiling(urls: string[]): Promise<{ requests: number; perSecond: number; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'http-ceiling.ts')], {
      env: { ...process.env, CEILING_URLS: urls.join(','), CEILING_REQUESTS: process.env.BENCH_CEILING_REQUESTS ?? '40000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`http-ceiling exited with ${code}`));
      const figures = JSON.parse(out.trim().split('\n').pop() as string) as { requests: number; ms: number; cpuMs: number };
      resolve({ requests: figures.requests, perSecond: (figures.requests / figures.ms) * 1000, cpuMs: figures.cpuMs });
    });
  });
}

/**
 * CPU (ms) used so far by each Postgres backend connected to the bench's own database (the
 * service's pools; the server runs on this machine). Backends that connect later count from 0.
 */
async function backendCpuMs(url: string): Promise<Map<number, number>> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    const cpu = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        cpu.set(pid, cpuMsOf(pid));
      } catch {
        // gone meanwhile
      }
    }
    return cpu;
  } finally {
    await client.end();
  }
}
const cpuSince = (start: Map<number, number>, end: Map<number, number>) => [...end].reduce((sum, [pid, ms]) => sum + ms - (start.get(pid) ?? 0), 0);

/** Committed transactions of the bench's own database (each autocommit statement counts as one). */
async function databaseStats(url: string): Promise<{ transactions: number; updates: number; hotUpdates: number }> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics are sent by backends at transaction end and cached per transaction: take a fresh snapshot.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ n: string }>(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
    // Updates of delivery rows, and how many were HOT (in place, no new index entries).
    const [updates] = (await client.query<{ upd: string; hot: string }>(`SELECT n_tup_upd AS upd, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE schemaname = 'notifications' AND relname = 'delivery'`)).rows;
    return { transactions: Number(rows[0].n), updates: Number(updates?.upd ?? 0), hotUpdates: Number(updates?.hot ?? 0) };
  } finally {
    await client.end();
  }
}
const newIds = (count: number) => new Set(Array.from({ length: count }, () => randomUUID()));

/** Publishes `ids.size` gap events at `rate`/s; the ids are chosen beforehand so receivers can tell phases apart. */
async function publishAtRate(publisher: JetStreamPublisher, ids: Set<string>, rate: number): Promise<number> {
  const list = [...ids];
  const count = list.length;
  const started = Date.now();
  const perTick = Math.max(1, Math.round(rate / 100));
  for (let sent = 0; sent < count; ) {
    const due = started + (sent / rate) * 1000;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    const batch = [];
    for (let i = 0; i < perTick && sent < count; i += 1, sent += 1) {
      const id = list[sent];
      batch.push(publisher.publish(createEvent(GapDetected, id, { id, version: 1, status: 'open', districtKey: DISTRICT, skillGroup: 'cnc', skillUris: [], targetGroups: [], participants: 8, companies: 3, needIds: [] })));
    }
    await Promise.all(batch);
  }
  return (count / (Date.now() - started)) * 1000;
}

async function main(): Promise<void> {
  const infra = await provisionTestInfrastructure('bench-notifications');
  const base = loadConfig(ServiceConfig, { DATABASE_URL: infra.databaseUrl, NATS_URL: infra.natsUrl });
  const env = {
    ...process.env,
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    AUTH_MODE: 'local',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_ENABLED: 'false',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    DELIVERY_RETRY_SCHEDULE_MS: SCHEDULE,
    SMTP_URL: 'smtp://127.0.0.1:1',
  };
  migrateNotifications(env);
  const port = await freePort();
  const service = await startNotifications(env, port);
  const nats = await connectNats({ url: infra.natsUrl, name: 'bench-notifications' });
  const publisher = new JetStreamPublisher(jetstream(nats), infra.subjectPrefix);
  const receivers = await Promise.all(Array.from({ length: RECEIVERS }, () => new BenchReceiver().start()));
  try {
    for (const receiver of receivers) {
      const provider = randomUUID();
      await publisher.publish(createEvent(PartnerVerified, provider, { id: provider, version: 1, kind: 'provider', name: `Bildungsträger ${provider.slice(0, 6)}`, status: 'verified', sites: [], districtKeys: [DISTRICT], networkIds: [] }));
      const token = await mintDevToken({ role: 'provider', partnerId: provider }, base);
      const response = await fetch(`http://127.0.0.1:${port}/organisations/${provider}/channels/webhooks`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ url: receiver.url }) });
      if (response.status !== 201) throw new Error(`webhook registration: ${response.status} ${await response.text()}`);
    }
    // Warm-up: one event reaches all receivers once the read model has every provider.
    await eventually(async () => {
      await publishAtRate(publisher, newIds(1), 1);
      return receivers.every((receiver) => receiver.seen.size > 0);
    }, { timeoutMs: 120_000, intervalMs: 1000 });

    // 1. Healthy receivers.
    const healthy = newIds(EVENTS);
    receivers.forEach((receiver) => receiver.startPhase(healthy));
    const started = Date.now();
    const cpuAtStart = { service: cpuMsOf(service.child.pid as number), bench: benchCpuMs() };
    const statsAtStart = await databaseStats(infra.databaseUrl);
    const backendsAtStart = await backendCpuMs(infra.databaseUrl);
    const offered = await publishAtRate(publisher, healthy, RATE);
    const total = () => receivers.reduce((sum, receiver) => sum + receiver.phaseHits, 0);
    await eventually(() => total() === EVENTS * RECEIVERS, { timeoutMs: 600_000, intervalMs: 100 });
    const finished = Math.max(...receivers.map((receiver) => receiver.lastArrival));
    // CPU per delivery is far less sensitive to the other jobs on the machine than wall-clock rates.
    const serviceCpuMs = cpuMsOf(service.child.pid as number) - cpuAtStart.service;
    const benchCpu = benchCpuMs() - cpuAtStart.bench;
    const statsAtEnd = await databaseStats(infra.databaseUrl);
    const postgresCpuMs = cpuSince(backendsAtStart, await backendCpuMs(infra.databaseUrl));
    const latencies = receivers.flatMap((receiver) => receiver.latenciesMs);
    const deliveriesPerS = (EVENTS * RECEIVERS) / ((finished - started) / 1000);

    process.stdout.write(`  healthy phase: ${round(deliveriesPerS, 0)} deliveries/s, p50 ${round(percentile(latencies, 50), 1)} ms, p99 ${round(percentile(latencies, 99), 1)} ms (load ${loadavg()[0].toFixed(1)})\n`);

    // Ceiling: the same receivers fed by a bare HTTP client process (nothing else to do), same machine, same moment.
    const ceiling = await httpCeiling(receivers.map((receiver) => receiver.url));
    const benchCpuDuringCeiling = benchCpuMs() - cpuAtStart.bench - benchCpu;

    // 2. One receiver down while more events arrive, then back on the same port.
    const down = receivers[0];
    const downPort = down.port;
    await down.stop();
    const outage = newIds(OUTAGE_EVENTS);
    receivers.forEach((receiver) => receiver.startPhase(outage));
    await publishAtRate(publisher, outage, RATE);
    const others = receivers.slice(1);
    await eventually(() => others.every((receiver) => receiver.phaseHits === OUTAGE_EVENTS), { timeoutMs: 300_000, intervalMs: 100 });
    await down.start(downPort);
    const back = Date.now();
    await eventually(() => down.phaseHits === OUTAGE_EVENTS, { timeoutMs: 600_000, intervalMs: 50 });
    const drainMs = Date.now() - back;
    const duplicates = receivers.reduce((sum, receiver) => sum + receiver.requests - receiver.seen.size, 0);

    const result = {
      bench: 'notifications',
      events: EVENTS,
      receivers: RECEIVERS,
      deliveries: EVENTS * RECEIVERS,
      offered_rate_per_s: RATE,
      achieved_rate_per_s: round(offered, 0),
      deliveries_per_s: round(deliveriesPerS, 0),
      p50_ms: round(percentile(latencies, 50), 1),
      p99_ms: round(percentile(latencies, 99), 1),
      outage_backlog: OUTAGE_EVENTS,
      drain_ms: drainMs,
      retry_schedule_ms: SCHEDULE,
      duplicates_received: duplicates,
      service_cpu_ms_per_1k_deliveries: round((serviceCpuMs / (EVENTS * RECEIVERS)) * 1000, 1),
      bench_cpu_ms_per_1k_deliveries: round((benchCpu / (EVENTS * RECEIVERS)) * 1000, 1),
      postgres_cpu_ms_per_1k_deliveries: round((postgresCpuMs / (EVENTS * RECEIVERS)) * 1000, 1),
      http_loopback_ceiling_per_s: round(ceiling.perSecond, 0),
      http_ceiling_client_cpu_ms_per_1k: round((ceiling.cpuMs / ceiling.requests) * 1000, 1),
      http_ceiling_receivers_cpu_ms_per_1k: round((benchCpuDuringCeiling / ceiling.requests) * 1000, 1),
      pg_transactions_per_delivery: round((statsAtEnd.transactions - statsAtStart.transactions) / (EVENTS * RECEIVERS), 3),
      delivery_updates_per_delivery: round((statsAtEnd.updates - statsAtStart.updates) / (EVENTS * RECEIVERS), 2),
      delivery_hot_update_share: round((statsAtEnd.hotUpdates - statsAtStart.hotUpdates) / Math.max(1, statsAtEnd.updates - statsAtStart.updates), 2),
      load_avg_1m: round(loadavg()[0], 1),
    };
    process.stdout.write(
      [
        `notifications fan-out on ${machine()}, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}`,
        `  ${EVENTS} events × ${RECEIVERS} webhooks at ${result.achieved_rate_per_s}/s offered: ${result.deliveries_per_s} deliveries/s, event → delivery p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms`,
        `  one receiver down for ${OUTAGE_EVENTS} events, back: backlog drained in ${drainMs} ms (retry schedule ${SCHEDULE} ms, ±20 % jitter)`,
        `  duplicate requests at receivers (same webhook-id): ${duplicates}`,
        `  raw HTTP loopback ceiling (the service's WebhookSender alone in a process, or CEILING_CLIENT=node -> same receivers, same run): ${result.http_loopback_ceiling_per_s} requests/s; CPU per 1,000: client ${result.http_ceiling_client_cpu_ms_per_1k} ms, receivers ${result.http_ceiling_receivers_cpu_ms_per_1k} ms`,
        `  Postgres transactions per delivery (healthy phase, all of the service's connections): ${result.pg_transactions_per_delivery}; delivery row updates per delivery ${result.delivery_updates_per_delivery}, of them HOT ${result.delivery_hot_update_share}`,
        `  CPU per 1,000 deliveries (healthy phase): service ${result.service_cpu_ms_per_1k_deliveries} ms, Postgres backends of the bench database ${result.postgres_cpu_ms_per_1k_deliveries} ms, bench process (publisher + receivers) ${result.bench_cpu_ms_per_1k_deliveries} ms`,
        JSON.stringify(result),
      ].join('\n') + '\n',
    );
  } catch (error) {
    // Where did it stop? Enough to tell a stuck consumer from a failing sender.
    const { Client } = await import('pg');
    const client = new Client({ connectionString: infra.databaseUrl });
    await client.connect();
    for (const sql of ['SELECT count(*) AS recipients FROM notifications.recipient', 'SELECT status, count(*) FROM notifications.delivery GROUP BY 1', 'SELECT count(*) AS inbox FROM notifications.inbox', 'SELECT last_error, count(*) FROM notifications.delivery GROUP BY 1 LIMIT 5']) {
      process.stderr.write(`${sql}: ${JSON.stringify((await client.query(sql)).rows)}\n`);
    }
    await client.end();
    throw error;
  } finally {
    for (const receiver of receivers) await receiver.stop();
    await service.stop();
    const jsm = await jetstreamManager(nats);
    for (const name of ['PARTNERS', 'MATCHING', 'NEEDS', 'CATALOGUE', 'NOTIFICATIONS', 'DEADLETTER']) await jsm.streams.delete(prefixedName(name, infra.subjectPrefix)).catch(() => false);
    await drainNats(nats);
    await infra.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
