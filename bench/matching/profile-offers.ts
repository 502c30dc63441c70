/**
 * What one new offer costs matching against many open needs, without messaging: the real
 * OfferEventsHandler in this process over one pooled connection, per offer the round trips, the
 * time waiting for them, wall time, this process's CPU and its Postgres backend's, the needs the
 * offer was inserted into or re-matched, the events it wrote and the statements by kind.
 *
 * Loading 50,000 open needs through the handler takes about an hour, so the loaded state is kept
 * as a template database (PROFILE_TEMPLATE, default br_template_o<offers>_n<needs>) and each run
 * measures on a copy of it, migrated to this checkout's schema (new migrations and their
 * backfills apply as in production). Drop the template when done (`DROP DATABASE …`).
 *
 * Knobs: PROFILE_OFFERS (10,000, bulk-written as bench/matching does), PROFILE_OPEN_NEEDS (50,000,
 * through the real NeedEventsHandler on two connections as bulk-needs.ts), PROFILE_NEW_OFFERS (20),
 * PROFILE_PER_OFFER=1 (a line per offer: wall time, needs inserted into, dates, skills).
 *
 *   node -r @swc-node/register bench/matching/profile-offers.ts
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createEvent, OfferPublished, OfferSnapshotV1 } from '@bildungsraum/contracts';
import { JetStreamEventContext } from '@bildungsraum/messaging';
import { appendToOutbox } from '@bildungsraum/persistence';
import { bundleKeeper } from '../../apps/matching/src/pooling/infra/bundle-keeper';
import { createMatchingDataSource } from '../../apps/matching/src/db/matching-data-source';
import { migrateMatching } from '../../apps/matching/src/db/migrate-matching';
import { directory } from '../../apps/matching/src/directory/infra/directory.repository';
import { OfferEventsHandler } from '../../apps/matching/src/matches/events/offer-events.handler';
import { OfferInserter } from '../../apps/matching/src/matches/infra/offer-inserter';
import { Rematcher } from '../../apps/matching/src/matches/infra/rematcher';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { systemClock } from '../../apps/matching/src/shared/domain/clock';
import { round } from '../outbox/stats';
import { bulkInsertOffers } from './bulk';
import { handleNeedsInProcess } from './bulk-needs';
import { generateNeed, generateOffer, random } from './generator';
import { meterEach, statements } from './statement-meter';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const OFFERS = knob('PROFILE_OFFERS', 10_000);
const OPEN_NEEDS = knob('PROFILE_OPEN_NEEDS', 50_000);
const NEW_OFFERS = knob('PROFILE_NEW_OFFERS', 20);
/** PROFILE_EXPLAIN=1: EXPLAIN (ANALYZE, BUFFERS) of the last offer's reach statement (the needs it may concern). */
const EXPLAIN = process.env.PROFILE_EXPLAIN === '1';
const TEMPLATE = process.env.PROFILE_TEMPLATE ?? `br_template_o${OFFERS}_n${OPEN_NEEDS}`;
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PROVIDERS = Array.from({ length: 50 }, (_, index) => `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`);

const say = (line: string) => process.stdout.write(`${line}\n`);
const load = () => loadavg().map((value) => round(value)).join(' ');
const urlOf = (database: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The offers and open needs as bench/matching loads them (same seed, same generator), into the template. */
async function buildTemplate(): Promise<void> {
  say(`building ${TEMPLATE}: ${OFFERS} offers, ${OPEN_NEEDS} open needs (load ${load()})`);
  await withClient(ADMIN_URL, (admin) => admin.query(`CREATE DATABASE "${TEMPLATE}"`));
  const url = urlOf(TEMPLATE);
  await migrateMatching(url);
  const dataSource = createMatchingDataSource(url, { poolSize: 1 });
  await dataSource.initialize();
  try {
    for (const id of PROVIDERS) {
      await directory.upsertPartner(dataSource.manager, { id, version: 1, kind: 'provider', name: 'Bench-Träger', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: [], networkIds: [] });
    }
  } finally {
    await dataSource.destroy();
  }
  const next = random(20261121);
  await withClient(url, async (db) => {
    for (let index = 0; index < OFFERS; index += 5_000) await bulkInsertOffers(db, 'matching', Array.from({ length: Math.min(5_000, OFFERS - index) }, () => generateOffer(next, PROVIDERS)));
    await db.query(`ANALYZE matching.offer_view; ANALYZE matching.course_date_view`);
  });
  const companies = Array.from({ length: 2_000 }, (_, index) => `00000000-0000-4000-9000-${index.toString().padStart(12, '0')}`);
  const started = performance.now();
  for (let index = 0; index < OPEN_NEEDS; index += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, OPEN_NEEDS - index) }, () => generateNeed(next, companies[Math.floor(next() * companies.length)]!));
    await handleNeedsInProcess(url, batch, 2);
    const done = index + batch.length;
    say(`  ${done} open needs, ${round(done / ((performance.now() - started) / 1000))}/s (load ${load()})`);
  }
  await withClient(url, (db) => db.query(`VACUUM ANALYZE`));
}

async function main(): Promise<void> {
  const exists = await withClient(ADMIN_URL, async (admin) => (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [TEMPLATE])).rowCount === 1);
  if (!exists) await buildTemplate();
  const database = `br_offerprofile_${randomBytes(4).toString('hex')}`;
  await withClient(ADMIN_URL, (admin) => admin.query(`CREATE DATABASE "${database}" TEMPLATE "${TEMPLATE}"`));
  const url = urlOf(database);
  try {
    // New migrations apply to the copy as they would in production: what they cost is printed.
    const migrating = performance.now();
    await migrateMatching(url);
    say(`migrated the copy of ${TEMPLATE} in ${round(performance.now() - migrating)} ms`);
    await withClient(url, (db) => db.query(`ANALYZE`));
    const dataSource = createMatchingDataSource(url, { poolSize: 1 });
    await dataSource.initialize();
    try {
      // A template built before bundles took only the best fits (migration 1763850000000) holds
      // bundles of every fit: each is recomputed once here (its events go to the outbox before the
      // count below), so the offers measure steady state, not the bundles shrinking.
      const recomputing = performance.now();
      const dates = ((await dataSource.query(`SELECT course_date_id::text AS id FROM matching.bundles ORDER BY course_date_id`)) as Array<{ id: string }>).map((row) => row.id);
      for (let index = 0; index < dates.length; index += 500) await dataSource.transaction((manager) => bundleKeeper.recompute(manager, dates.slice(index, index + 500), new Map()).then((events) => (events.length ? appendToOutbox(manager, 'matching', events) : undefined)));
      say(`recomputed ${dates.length} bundles in ${round(performance.now() - recomputing)} ms`);
      const config = new MatchingConfig();
      const inserter = new OfferInserter(config, systemClock, new Rematcher(config, systemClock));
      const reached = { inserted: 0, rematched: 0 };
      const apply = inserter.apply.bind(inserter);
      inserter.apply = async (manager, offer) => {
        const result = await apply(manager, offer);
        reached.inserted += result.inserted;
        reached.rematched += result.rematched;
        return result;
      };
      const handler = new OfferEventsHandler(dataSource, inserter);
      const pid = ((await dataSource.query(`SELECT pg_backend_pid() AS pid`)) as Array<{ pid: number }>)[0]!.pid;
      const outboxRows = async () => Number(((await withClient(url, (db) => db.query(`SELECT count(*) AS n FROM matching.outbox`))).rows[0] as { n: string }).n);
      const eventsBefore = await outboxRows();
      const next = random(7);
      const offers: OfferSnapshotV1[] = Array.from({ length: NEW_OFFERS }, () => generateOffer(next, PROVIDERS));
      say(`${NEW_OFFERS} new offers against ${OPEN_NEEDS} open needs, ${OFFERS} offers (load ${load()})`);
      let reach: { sql: string; params: unknown[] } | undefined;
      statements.observe = (sql, params) => {
        if (sql.startsWith('(SELECT n.id AS need_id')) reach = { sql, params };
      };
      // PROFILE_PER_OFFER=1: one line per offer (which offers make the tail, and why).
      const perOffer: string[] = [];
      const metered = await meterEach(offers, pid, async (offer) => {
        const [started, insertedBefore] = [performance.now(), reached.inserted];
        await handler.published(offer, { event: createEvent(OfferPublished, offer.id, offer) } as unknown as JetStreamEventContext);
        const kinds = offer.dates.map((date) => (date.online ? 'online' : 'venue')).join('+');
        perOffer.push(`  ${round(performance.now() - started)} ms: ${reached.inserted - insertedBefore} needs inserted into; ${kinds}; ${offer.skills.length} skills (${offer.skills.map((uri) => uri.split('-').pop()).join(' ')})`);
      });
      if (process.env.PROFILE_PER_OFFER === '1') for (const line of perOffer) say(line);
      const figures = {
        ...metered,
        needs_inserted: round(reached.inserted / NEW_OFFERS),
        needs_rematched: round(reached.rematched / NEW_OFFERS),
        events: round(((await outboxRows()) - eventsBefore) / NEW_OFFERS),
        load: load(),
      };
      if (((await dataSource.query(`SELECT pg_backend_pid() AS pid`)) as Array<{ pid: number }>)[0]!.pid !== pid) throw new Error('the measured connection was replaced: Postgres CPU unknown');
      for (const line of statements.report(NEW_OFFERS)) say(line);
      if (EXPLAIN && reach) {
        const plan = await withClient(url, (db) => db.query(`EXPLAIN (ANALYZE, BUFFERS) ${reach!.sql}`, reach!.params));
        say(plan.rows.map((row: Record<string, string>) => `      ${row['QUERY PLAN']}`).join('\n'));
      }
      say(JSON.stringify({ bench: 'matching-offer-profile', offers: OFFERS, open_needs: OPEN_NEEDS, new_offers: NEW_OFFERS, ...figures }));
    } finally {
      await dataSource.destroy();
    }
  } finally {
    if (process.env.PROFILE_KEEP_DATABASE === '1') say(`kept: ${url}`);
    else await withClient(ADMIN_URL, (admin) => admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
