/**
 * bench/pipeline – the whole flow on one machine: a need submitted over HTTP (needs) → matched
 * (matching, from the NEEDS stream) → `matching.match.proposed.v1` → webhook delivered by
 * notifications to a receiver on loopback. All five services run as processes (startPlatform:
 * own database, subject prefix, migrations, taxonomy), exactly as in the end-to-end test.
 *
 *   npm run bench -- pipeline
 *
 * Phases: region over HTTP → warm-up → raw JetStream publish → consume round trip at the same
 * rate → steady load at BENCH_RATE needs/s (default 200) for BENCH_SECONDS (10), waited for until
 * every need's webhook arrived → the sustained maximum: if the steady rate held, rising steps
 * (BENCH_STEPS, default 300,500,750,1000), otherwise halving steps below it, BENCH_STEP_SECONDS
 * (10) each, the backlog drained before each. A rate is sustained when the needs were accepted at
 * ≥ 95 % of it without errors and every need's webhook arrived at most BENCH_STEP_DRAIN_SECONDS
 * (10) after the last need was sent. Latency of a need: from when it was due (open loop) until
 * the first proposal webhook for it arrived. Last line: one JSON object.
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { NatsConnection } from '@nats-io/nats-core';
import { connectNats, drainNats } from '@bildungsraum/messaging';
import { eventually, RunningPlatform, startPlatform } from '@bildungsraum/testing';
import { machine, percentile, round } from '../outbox/stats';
import { submitAtRate, Submitted } from './load';
import { rawRoundTrip } from './raw-roundtrip';
import { PipelineReceiver } from './receiver';
import { BenchRegion, buildRegion, needBody } from './region';
import { pipelineIdle } from './idle';
import { stageFigures } from './stages';

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RAW_SECONDS = Number(process.env.BENCH_RAW_SECONDS ?? 10);
const STEPS = (process.env.BENCH_STEPS ?? '300,500,750,1000').split(',').filter(Boolean).map(Number);
const STEP_SECONDS = Number(process.env.BENCH_STEP_SECONDS ?? 10);
/** A step counts as sustained when every need's webhook arrived within this time after the last was sent. */
const STEP_DRAIN_SECONDS = Number(process.env.BENCH_STEP_DRAIN_SECONDS ?? 10);
/** How long the bench waits for a backlog to drain (after the steady phase, before a step, at the end). */
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 900);
/** Lowest rate tried when halving below an unsustained steady rate. */
const MIN_STEP = Number(process.env.BENCH_MIN_STEP ?? 2);

const say = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load1 = () => round(loadavg()[0], 2);

interface PhaseResult {
  rate: number;
  offered: number;
  created: number;
  failedRequests: number;
  achievedPerSecond: number;
  matchedInTime: number;
  p50: number;
  p99: number;
  max: number;
  sustained: boolean;
  load: number;
}

const allNeeds: string[] = [];
let nextNeed = 0;

/**
 * Waits until every need so far has its proposal webhook and every consumer of the run has
 * worked off its backlog (or the drain time is over).
 */
const drained = (receiver: PipelineReceiver, nc: NatsConnection, prefix: string) =>
  eventually(async () => allNeeds.every((id) => receiver.proposedAt.has(id)) && (await pipelineIdle(nc, prefix)), { timeoutMs: DRAIN_SECONDS * 1000, intervalMs: 500 }).then(
    () => true,
    () => false,
  );

async function phase(platform: RunningPlatform, region: BenchRegion, receiver: PipelineReceiver, rate: number, seconds: number, drainSeconds: number): Promise<PhaseResult & { needs: Array<{ needId: string; dueAtWall: number }> }> {
  const offset = nextNeed;
  nextNeed += Math.round(rate * seconds);
  const { submitted, sendSeconds } = await submitAtRate(platform.url('needs'), region.coordinatorToken, (i) => needBody(region, i), rate, seconds, offset);
  const created = submitted.filter((entry): entry is Submitted & { needId: string } => entry.status === 201 && !!entry.needId);
  allNeeds.push(...created.map((entry) => entry.needId));
  const deadline = performance.now() + drainSeconds * 1000;
  while (performance.now() < deadline && created.some((entry) => !receiver.proposedAt.has(entry.needId))) await sleep(50);
  const latencies = created.filter((entry) => receiver.proposedAt.has(entry.needId)).map((entry) => (receiver.proposedAt.get(entry.needId) as number) - entry.dueAt);
  const result: PhaseResult = {
    rate,
    offered: submitted.length,
    created: created.length,
    failedRequests: submitted.length - created.length,
    achievedPerSecond: round(created.length / sendSeconds, 1),
    matchedInTime: latencies.length,
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    max: round(Math.max(...latencies, 0), 1),
    sustained: false,
    load: load1(),
  };
  result.sustained = result.failedRequests === 0 && result.achievedPerSecond >= rate * 0.95 && result.matchedInTime === result.created;
  return { ...result, needs: created.map((entry) => ({ needId: entry.needId, dueAtWall: performance.timeOrigin + entry.dueAt })) };
}

/** 100, 50, 25, … below an unsustained rate, down to MIN_STEP. */
function halvings(rate: number): number[] {
  const rates: number[] = [];
  for (let next = Math.floor(rate / 2); next >= MIN_STEP; next = Math.floor(next / 2)) rates.push(next);
  return rates;
}

function describe(result: PhaseResult): string {
  const statuses = result.failedRequests ? `, ${result.failedRequests} requests failed` : '';
  return `${result.rate}/s offered: ${result.created}/${result.offered} needs created at ${result.achievedPerSecond}/s${statuses}; webhook in time for ${result.matchedInTime}; need → webhook p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms; load ${result.load} → ${result.sustained ? 'sustained' : 'NOT sustained'}`;
}

async function warmUp(platform: RunningPlatform, region: BenchRegion, receiver: PipelineReceiver): Promise<void> {
  // needs learns of the companies and the network from partners' events: retry until it accepts.
  for (let i = 0; i < region.companyIds.length; i++) {
    const id = await eventually(
      async () => {
        const response = await fetch(`${platform.url('needs')}/needs`, { method: 'POST', headers: { authorization: `Bearer ${region.coordinatorToken}`, 'content-type': 'application/json' }, body: needBody(region, nextNeed) });
        if (response.status !== 201) throw new Error(`needs answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        return ((await response.json()) as { id: string }).id;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    nextNeed += 1;
    allNeeds.push(id);
  }
  await eventually(() => allNeeds.every((id) => receiver.proposedAt.has(id)), { timeoutMs: 180_000, intervalMs: 100 });
}

async function main(): Promise<void> {
  const loadBefore = load1();
  say(`Bildungsraum pipeline bench – ${machine()}; 1-min load average before: ${loadBefore}`);
  const receiver = await new PipelineReceiver().start();
  const started = performance.now();
  say('Starting the five services (migrations, taxonomy) …');
  const platform = await startPlatform({ label: 'bench-pipeline', env: { LOG_LEVEL: 'warn' } });
  say(`  ready after ${round((performance.now() - started) / 1000, 0)} s; logs in ${platform.logDir}`);
  const nc = await connectNats({ url: platform.infrastructure.natsUrl, name: 'bench-pipeline' });
  // Ctrl-C: stop the services and remove the run's database and streams before leaving.
  process.once('SIGINT', () => void platform.stop().finally(() => process.exit(130)));
  try {
    const region = await buildRegion(platform, receiver.url);
    await warmUp(platform, region, receiver);
    say(`Region built over HTTP (4 companies, 1 course with a date in each of 4 towns); warm-up: ${allNeeds.length} needs proposed and delivered.`);

    await drained(receiver, nc, platform.infrastructure.subjectPrefix);
    const raw = await rawRoundTrip(nc, platform.infrastructure.subjectPrefix, RATE, RAW_SECONDS);
    const rawP50 = round(percentile(raw, 50), 2);
    const rawP99 = round(percentile(raw, 99), 2);
    say(`Raw JetStream publish → consume at ${RATE}/s for ${RAW_SECONDS} s: p50 ${rawP50} ms, p99 ${rawP99} ms (${raw.length} messages; load ${load1()})`);

    const steady = await phase(platform, region, receiver, RATE, SECONDS, STEP_DRAIN_SECONDS);
    say(`Steady: ${describe(steady)}`);
    const complete = await drained(receiver, nc, platform.infrastructure.subjectPrefix);
    const steadyLatencies = steady.needs.filter((need) => receiver.proposedAt.has(need.needId)).map((need) => performance.timeOrigin + (receiver.proposedAt.get(need.needId) as number) - need.dueAtWall);
    const steadyAll = { p50: round(percentile(steadyLatencies, 50), 1), p99: round(percentile(steadyLatencies, 99), 1), max: round(Math.max(...steadyLatencies, 0), 1), delivered: steadyLatencies.length };
    const drainSeconds = round((Math.max(...steady.needs.map((need) => receiver.proposedAt.get(need.needId) ?? 0)) - (steady.needs.at(-1)?.dueAtWall ?? 0) + performance.timeOrigin) / 1000, 1);
    say(`  all ${steady.created} needs of the steady phase${complete ? '' : ' (NOT all: drain time over)'}: need → webhook p50 ${steadyAll.p50} ms, p99 ${steadyAll.p99} ms, max ${steadyAll.max} ms; last webhook ${drainSeconds} s after the last need was sent`);
    const webhookAtWall = new Map([...receiver.proposedAt].map(([id, at]) => [id, performance.timeOrigin + at]));
    const stages = await stageFigures(nc, platform.infrastructure.subjectPrefix, steady.needs, webhookAtWall);
    say(
      `  where the time goes (p50 / p99 ms): HTTP → need stored ${stages.http.p50} / ${stages.http.p99}; → proposal stored (relay, matching) ${stages.matching.p50} / ${stages.matching.p99}; → webhook received (relay, notifications) ${stages.delivery.p50} / ${stages.delivery.p99}`,
    );

    let maxSustained = steady.sustained ? RATE : 0;
    const steps: PhaseResult[] = [];
    const rates = steady.sustained ? STEPS.filter((rate) => rate > RATE) : halvings(RATE);
    for (const rate of rates) {
      await drained(receiver, nc, platform.infrastructure.subjectPrefix);
      const step = await phase(platform, region, receiver, rate, STEP_SECONDS, STEP_DRAIN_SECONDS);
      steps.push(step);
      say(`Step: ${describe(step)}`);
      if (steady.sustained && !step.sustained) break;
      if (step.sustained) maxSustained = Math.max(maxSustained, rate);
      if (!steady.sustained && step.sustained) break;
    }

    // Stragglers of the last step still count for "every need matched, every webhook once".
    await drained(receiver, nc, platform.infrastructure.subjectPrefix);
    await sleep(2_000); // a late second proposal or a duplicate delivery would show up now
    const matched = allNeeds.filter((id) => receiver.proposedAt.has(id)).length;
    const proposalWebhooks = receiver.byType.get('matching.match.proposed.v1') ?? 0;
    const extraProposals = [...receiver.proposals.values()].reduce((sum, count) => sum + count - 1, 0);
    const crashed = platform.crashed();
    say('');
    say(`Needs submitted: ${allNeeds.length}; matched with a proposal webhook: ${matched}; proposal webhooks (distinct ids): ${proposalWebhooks} (${extraProposals} beyond one per need); duplicate deliveries: ${receiver.duplicates}`);
    say(`Webhooks by type: ${[...receiver.byType].map(([type, count]) => `${type} ${count}`).join(', ')}`);
    say(`Maximum sustained rate: ${maxSustained} needs/s (steps of ${STEP_SECONDS} s, webhook of every need within ${STEP_DRAIN_SECONDS} s after the last was sent)`);
    if (crashed.length) say(`Crashed services: ${crashed.map((entry) => `${entry.service} (${entry.how})`).join(', ')}`);
    say(`1-min load average before ${loadBefore}, after ${load1()}`);
    say(
      JSON.stringify({
        bench: 'pipeline',
        p50_ms: steadyAll.p50,
        p99_ms: steadyAll.p99,
        rate_per_s: RATE,
        achieved_rate_per_s: steady.achievedPerSecond,
        max_sustained_per_s: maxSustained,
        raw_roundtrip_p50_ms: rawP50,
        raw_roundtrip_p99_ms: rawP99,
        needs_submitted: allNeeds.length,
        needs_matched: matched,
        webhooks_delivered: proposalWebhooks,
        duplicates: receiver.duplicates,
        extra_proposals: extraProposals,
        stage_p50_ms: { http: stages.http.p50, matching: stages.matching.p50, delivery: stages.delivery.p50 },
        steps: steps.map((step) => ({ rate: step.rate, achieved: step.achievedPerSecond, p50_ms: step.p50, p99_ms: step.p99, sustained: step.sustained })),
        load_avg_1m_before: loadBefore,
        load_avg_1m_after: load1(),
      }),
    );
  } finally {
    await drainNats(nc);
    await platform.stop();
    await receiver.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`pipeline bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
