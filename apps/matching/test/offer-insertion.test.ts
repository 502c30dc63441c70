import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OfferSnapshotV1 } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, seededRandom, TestInfrastructure } from '@bildungsraum/testing';
import { createMatchingDataSource } from '../src/db/matching-data-source';
import { migrateMatching } from '../src/db/migrate-matching';
import { MatchingConfig } from '../src/matching.config';
import { OfferInserter } from '../src/matches/infra/offer-inserter';
import { readModels } from '../src/matches/infra/read-models';
import { Rematcher } from '../src/matches/infra/rematcher';
import { need, needText, north, offer, offerText } from './support/random-market';

/** A skill only needs ask for until an offer teaches it: their demand is a gap that offers close. */
const UNSERVED = `http://data.europa.eu/esco/skill/${randomUUID()}`;
const config = Object.assign(new MatchingConfig(), { MATCH_TOP_N: 3, MATCH_POOL_FITS: 3, MATCH_MIN_SCORE_PERCENT: 40, DEFAULT_TRAVEL_KM: 50 });
const clock = () => new Date();

/**
 * Everything a new offer can change, comparable between two runs: matches by need and date (new
 * matches get random ids), bundle places, gap demand, bundles by date (members and status; their
 * versions count intermediate states) and gaps.
 */
async function state(manager: EntityManager): Promise<unknown> {
  const [row] = (await manager.query(
    `SELECT (SELECT json_agg(m ORDER BY m.need_id, m.course_date_id) FROM (SELECT need_id, course_date_id, status, version, score, criteria, explanation, company_cost_cents, funding_programme_ids, reason FROM matching.matches) m) AS matches,
            (SELECT json_agg(f ORDER BY f.need_id, f.course_date_id) FROM matching.bundle_fits f) AS fits,
            (SELECT json_agg(g ORDER BY g.need_id, g.skill_group) FROM matching.gap_demand g) AS demand,
            (SELECT json_agg(b ORDER BY b.course_date_id) FROM (SELECT course_date_id, status, members, min_participants, skill_uris FROM matching.bundles) b) AS bundles,
            (SELECT json_agg(g ORDER BY g.district_key, g.skill_group) FROM (SELECT district_key, skill_group, status, version FROM matching.gaps) g) AS gaps`,
  )) as unknown[];
  return row;
}

/** The events written since `mark`: match and gap events in full but for new ids; bundles by their last state per date (dissolved: its status). */
async function eventsSince(manager: EntityManager, mark: number): Promise<{ matches: string[]; gaps: string[]; bundles: Record<string, unknown> }> {
  const rows = (await manager.query(`SELECT type, payload FROM matching.outbox WHERE position > $1 ORDER BY position`, [mark])) as Array<{ type: string; payload: Record<string, unknown> }>;
  const matches = rows.filter((r) => r.type.startsWith('matching.match.')).map(({ type, payload: { id: _id, ...rest } }) => JSON.stringify({ type, ...rest }));
  const gaps = rows.filter((r) => r.type.startsWith('matching.gap.')).map(({ type, payload: { id: _id, ...rest } }) => JSON.stringify({ type, ...rest }));
  const bundles: Record<string, unknown> = {};
  // A dissolved event names the needs the bundle last had, and those depend on how departures were
  // grouped (a new offer taking three members at once, or three re-matches each taking one): its
  // status is compared here, its stored members in state().
  for (const { type, payload } of rows) {
    if (type.startsWith('matching.bundle.')) bundles[payload.courseDateId as string] = payload.status === 'dissolved' ? { status: payload.status } : { status: payload.status, needs: payload.needs, total: payload.totalParticipants };
  }
  return { matches: matches.sort(), gaps: gaps.sort(), bundles };
}

const outboxMark = async (manager: EntityManager) => Number(((await manager.query(`SELECT coalesce(max(position), 0) AS n FROM matching.outbox`)) as Array<{ n: string }>)[0]!.n);

describe('a new offer inserted into the needs it concerns (real Postgres + PostGIS)', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  const rematcher = new Rematcher(config, clock);
  const inserter = new OfferInserter(config, clock, rematcher);
  const providerId = randomUUID();
  const next = seededRandom(47);
  // Varied titles, descriptions and need texts (random-market.ts): text relevance and its bounds meet real
  // variety. The needs of a skill no offer teaches ask for something no offer's words answer either (gaps).
  const needs = [...Array.from({ length: 36 }, () => need(next, needText(next))), ...Array.from({ length: 4 }, () => need(next, { description: 'Wir suchen etwas zur Bienenhaltung.', skillUris: [UNSERVED] }))];

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('matchinsert');
    await migrateMatching(infra.databaseUrl);
    dataSource = createMatchingDataSource(infra.databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 80; index += 1) await readModels.upsertOffer(manager, offer(next, providerId, offerText(next)));
      for (const snapshot of needs) {
        await readModels.upsertNeed(manager, snapshot, []);
        await rematcher.rematchNeed(manager, snapshot.id);
      }
      // Answers the insertion must respect: some best proposals declined (never proposed again,
      // still a bundle place), some accepted (kept even when outranked).
      const best = (await manager.query(`SELECT DISTINCT ON (need_id) id FROM matching.matches WHERE status = 'proposed' ORDER BY need_id, score DESC, id`)) as Array<{ id: string }>;
      for (const [index, { id }] of best.entries()) {
        if (index % 4 === 3) continue;
        await manager.query(`UPDATE matching.matches SET status = $2, version = version + 1 WHERE id = $1`, [id, index % 4 === 0 ? 'declined' : 'accepted']);
      }
      for (const snapshot of needs) await rematcher.rematchNeed(manager, snapshot.id);
    });
  }, 240_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await infra?.dispose();
  });

  /** New offers, some teaching the unserved skill; every third round a change to an earlier one (seats gone, a date dropped, withdrawn). */
  const published: OfferSnapshotV1[] = [];
  const offerOfRound = (round: number): OfferSnapshotV1 => {
    const earlier = published[Math.floor(next() * published.length)];
    if (round % 3 === 2 && earlier) {
      const change = round % 9;
      const dates = change === 2 ? earlier.dates.map((date, index) => (index === 0 ? { ...date, seatsFree: 1, seatsTaken: date.maxParticipants - 1 } : date)) : change === 5 ? earlier.dates.slice(1) : earlier.dates;
      return { ...earlier, version: earlier.version + 1, dates, status: change === 8 ? 'withdrawn' : earlier.status };
    }
    const fresh = round % 4 === 3 ? offer(next, providerId, { ...offerText(next), skills: [UNSERVED] }, north(5)) : offer(next, providerId, offerText(next));
    published.push(fresh);
    return fresh;
  };

  it('leaves matches, match and gap events, bundle places, bundles and gaps exactly as re-matching every concerned need would', async () => {
    let inserted = 0;
    let proposals = 0;
    let rematched = 0; // by new offers
    let gapsClosed = 0;
    for (let round = 0; round < 30; round += 1) {
      const fresh = offerOfRound(round);
      await dataSource.transaction(async (manager) => {
        await readModels.upsertOffer(manager, fresh);
        await manager.query(`SAVEPOINT before_offer`);
        const mark = await outboxMark(manager);
        const counts = await inserter.apply(manager, fresh);
        const gapEvents = (await eventsSince(manager, mark)).gaps.length;
        const incremental = { state: await state(manager), events: await eventsSince(manager, mark) };
        await manager.query(`ROLLBACK TO SAVEPOINT before_offer`);

        for (const needId of await rematcher.needsConcernedByOffer(manager, fresh)) await rematcher.rematchNeed(manager, needId);
        const full = { state: await state(manager), events: await eventsSince(manager, mark) };
        expect(incremental).toEqual(full);

        // And it is what a full re-match of every need finds: nothing left to change.
        await manager.query(`ROLLBACK TO SAVEPOINT before_offer`);
        await inserter.apply(manager, fresh);
        const after = await state(manager);
        const settled = await outboxMark(manager);
        for (const snapshot of needs) await rematcher.rematchNeed(manager, snapshot.id);
        expect(await state(manager)).toEqual(after);
        expect(await outboxMark(manager)).toBe(settled);
        inserted += counts.inserted;
        // A changed offer re-matches the needs holding its dates; a new one should hardly re-match any.
        if (fresh.version === 1) rematched += counts.rematched;
        proposals += incremental.events.matches.length;
        gapsClosed += gapEvents;
      });
    }
    // Not vacuous: the offers were inserted into needs (proposals made and outranked), hardly any re-matched.
    expect(inserted).toBeGreaterThan(10);
    expect(proposals).toBeGreaterThan(10);
    expect(rematched).toBeLessThan(inserted / 2);
    expect(gapsClosed).toBeGreaterThan(0);
  }, 240_000);
});
