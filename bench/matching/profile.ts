/**
 * What one need costs matching, without messaging and less sensitive to the machine's load than
 * bench/matching's latencies: the real NeedEventsHandler in this process against a fresh database,
 * one pooled connection, and per measured need
 *
 *   - round trips (every statement through TypeORM's Postgres query runner, BEGIN and COMMIT included),
 *   - the time spent waiting for them, and the handler's wall time,
 *   - CPU: this process (process.cpuUsage) and the Postgres backend serving it (/proc/<pid>/stat),
 *   - the statements grouped by their first words (count and time per need).
 *
 * Data as bench/matching generates it (same seed): PROFILE_OFFERS_SMALL (10,000) offers
 * bulk-written, PROFILE_OPEN_NEEDS (300) open needs through the handler (so bundles exist), then
 * PROFILE_NEEDS (100) measured needs (PROFILE_PER_NEED=1: a line each, slowest first); then up to PROFILE_OFFERS (100,000) offers and the same
 * number of needs again (PROFILE_OFFERS=0: the small phase only). PROFILE_RETRIEVAL=sql ranks by SQL
 * instead of the course date index (MATCH_RETRIEVAL).
 *
 *   node -r @swc-node/register bench/matching/profile.ts
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createEvent, NeedSnapshotV1, NeedSubmitted } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { provisionTestInfrastructure } from '@bildungsraum/testing';
import { createMatchingDataSource } from '../../apps/matching/src/db/matching-data-source';
import { migrateMatching } from '../../apps/matching/src/db/migrate-matching';
import { directory } from '../../apps/matching/src/directory/infra/directory.repository';
import { NeedEventsHandler } from '../../apps/matching/src/matches/events/need-events.handler';
import { Rematcher } from '../../apps/matching/src/matches/infra/rematcher';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { systemClock } from '../../apps/matching/src/shared/domain/clock';
import { NeedSkillReader } from '../../apps/matching/src/skills/need-skill-reader';
import { round } from '../outbox/stats';
import { bulkInsertOffers } from './bulk';
import { generateNeed, generateOffer, random } from './generator';
import { meterEach, statements } from './statement-meter';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OFFERS_SMALL = knob('PROFILE_OFFERS_SMALL', 10_000);
const OFFERS = knob('PROFILE_OFFERS', 100_000);
const OPEN_NEEDS = knob('PROFILE_OPEN_NEEDS', 300);
const NEEDS = knob('PROFILE_NEEDS', 100);
/** Print EXPLAIN (ANALYZE, BUFFERS) of every retrieval statement of the last PROFILE_EXPLAIN needs of each phase. */
const EXPLAIN = knob('PROFILE_EXPLAIN', 0);
const explained: Array<{ sql: string; params: unknown[] }> = [];
let explaining = false;
statements.observe = (sql, params) => {
  if (explaining && sql.trimStart().startsWith('WITH here AS')) explained.push({ sql, params });
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((value) => round(value)).join(' ');

async function main(): Promise<void> {
  const infra = await provisionTestInfrastructure('benchprofile');
  await migrateMatching(infra.databaseUrl);
  const dataSource = createMatchingDataSource(infra.databaseUrl, { poolSize: 1 });
  await dataSource.initialize();
  const db = new Client({ connectionString: infra.databaseUrl });
  await db.connect();
  await db.query(`SET jit = off`);
  try {
    // PROFILE_RETRIEVAL=sql: rank by SQL statements instead of the course date index (MATCH_RETRIEVAL).
    const config = Object.assign(new MatchingConfig(), { MATCH_RETRIEVAL: process.env.PROFILE_RETRIEVAL === 'sql' ? 'sql' : 'memory' });
    const rematcher = new Rematcher(config, systemClock);
    const handler = new NeedEventsHandler(dataSource, new NeedSkillReader(dataSource), rematcher);
    // The pool closes idle connections (during the bulk loads): the backend is asked for each phase.
    const backendPid = async () => ((await dataSource.query(`SELECT pg_backend_pid() AS pid`)) as Array<{ pid: number }>)[0]!.pid;
    const handle = (need: NeedSnapshotV1) => handler.submitted(need, { event: createEvent(NeedSubmitted, need.id, need) } as unknown as JetStreamEventContext);
    const next = random(20261121);
    const providerIds = Array.from({ length: 50 }, (_, index) => `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`);
    for (const id of providerIds) {
      await directory.upsertPartner(dataSource.manager, { id, version: 1, kind: 'provider', name: 'Bench-Träger', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: [], networkIds: [] });
    }
    const loadOffers = async (from: number, to: number) => {
      for (let index = from; index < to; index += 5_000) await bulkInsertOffers(db, 'matching', Array.from({ length: Math.min(5_000, to - index) }, () => generateOffer(next, providerIds)));
      await db.query(`ANALYZE matching.offer_view; ANALYZE matching.course_date_view`);
      // As the service does at start: the index loads (or catches up) before needs are handled.
      const [started, heap] = [performance.now(), process.memoryUsage().heapUsed];
      const dates = await rematcher.prepare(dataSource.manager);
      if (dates !== undefined) say(`  course date index: ${dates} dates, synced in ${round(performance.now() - started)} ms, heap ${round((process.memoryUsage().heapUsed - heap) / 1e6)} MB more`);
    };
    const companies = Array.from({ length: 200 }, (_, index) => `00000000-0000-4000-9000-${index.toString().padStart(12, '0')}`);

    const measure = async (label: string) => {
      const pid = await backendPid();
      const companyId = '00000000-0000-4000-8000-0000000000cc';
      const needs = Array.from({ length: NEEDS }, () => generateNeed(next, companyId));
      // PROFILE_PER_NEED=1: one line per need, slowest first (which needs make the tail, and why).
      const perNeed: Array<{ ms: number; line: string }> = [];
      const retrieval = () => [...statements.byKind.entries()].filter(([kind]) => kind.startsWith('WITH here AS')).reduce((sum, [, entry]) => ({ count: sum.count + entry.count, ms: sum.ms + entry.ms }), { count: 0, ms: 0 });
      const figures = {
        ...(await meterEach(needs, pid, async (need, index) => {
          explaining = index >= NEEDS - EXPLAIN;
          const [started, before] = [performance.now(), retrieval()];
          await handle(need);
          const [ms, after] = [performance.now() - started, retrieval()];
          perNeed.push({ ms, line: `  ${round(ms)} ms: ${after.count - before.count} retrieval statements (${round(after.ms - before.ms)} ms); ${need.skillUris.length} skills (${need.skillUris.map((uri) => uri.split('-').pop()).join(' ')})` });
        })),
        load: load(),
      };
      if ((await backendPid()) !== pid) throw new Error('the measured connection was replaced: Postgres CPU unknown');
      say(`  ${label}: ${JSON.stringify(figures)}`);
      if (process.env.PROFILE_PER_NEED === '1') for (const { line } of perNeed.sort((a, b) => b.ms - a.ms)) say(line);
      explaining = false;
      for (const { sql, params } of explained.splice(0)) {
        const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        say(plan.rows.map((row: Record<string, string>) => `      ${row['QUERY PLAN']}`).join('\n'));
      }
      for (const line of statements.report(NEEDS)) say(line);
      return figures;
    };

    say(`matching need profile, load ${load()}`);
    await loadOffers(0, OFFERS_SMALL);
    for (let index = 0; index < OPEN_NEEDS; index += 1) await handle(generateNeed(next, companies[Math.floor(next() * companies.length)]!));
    const small = await measure(`${OFFERS_SMALL} offers, ${OPEN_NEEDS} open needs`);
    let large: typeof small | undefined;
    if (OFFERS > OFFERS_SMALL) {
      await loadOffers(OFFERS_SMALL, OFFERS);
      large = await measure(`${OFFERS} offers`);
    }
    say(JSON.stringify({ bench: 'matching-profile', offers_small: OFFERS_SMALL, small, offers: OFFERS, large }));
  } finally {
    await db.end();
    await dataSource.destroy();
    // PROFILE_KEEP_DATABASE=1 leaves the database for EXPLAIN by hand (drop it afterwards).
    if (process.env.PROFILE_KEEP_DATABASE === '1') say(`kept: ${infra.databaseUrl}`);
    else await infra.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
