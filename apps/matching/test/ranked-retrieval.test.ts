import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { provisionTestInfrastructure, seededRandom, TestInfrastructure } from '@bildungsraum/testing';
import { createMatchingDataSource } from '../src/db/matching-data-source';
import { migrateMatching } from '../src/db/migrate-matching';
import { MatchingConfig } from '../src/matching.config';
import { evaluateCandidate } from '../src/matches/domain/scoring';
import { DEFAULT_WEIGHTS } from '../src/matches/domain/weights';
import { CandidateFilter, CandidateRow, findCandidates, loadOffers } from '../src/matches/infra/candidates';
import { loadNeed, NeedRecord } from '../src/matches/infra/need-records';
import { ceilingTables } from '../src/matches/infra/ceiling-tables';
import { candidateFacts, fundingFor, needFacts } from '../src/matches/infra/need-facts';
import { offerReach } from '../src/matches/infra/offer-reach';
import { retrieveRanked } from '../src/matches/infra/ranked-retrieval';
import { CandidateSource, indexCandidates, sqlCandidates } from '../src/matches/infra/candidate-source';
import { CourseDateIndex } from '../src/matches/infra/course-date-index';
import { findTextCandidates } from '../src/matches/infra/text-candidates';
import { piecesOf } from '../src/matches/infra/text-words';
import { readModels } from '../src/matches/infra/read-models';
import { Rematcher } from '../src/matches/infra/rematcher';
import { day, KORBACH, need, needText, north, offer, offerText, TODAY } from './support/random-market';

const config = Object.assign(new MatchingConfig(), { MATCH_TOP_N: 5, MATCH_POOL_FITS: 4, MATCH_MIN_SCORE_PERCENT: 40, DEFAULT_TRAVEL_KM: 50 });
const goalsFor = (answered: ReadonlySet<string> = new Set()) => ({ topN: config.MATCH_TOP_N, poolFits: config.MATCH_POOL_FITS, minScore: config.MATCH_MIN_SCORE_PERCENT / 100, answered, live: [] as string[] });
const filterOf = (record: NeedRecord): CandidateFilter => {
  const n = record.snapshot;
  return { lon: n.site.location.lon, lat: n.site.location.lat, radiusKm: n.maxTravelKm ?? 50, from: n.earliestStart && n.earliestStart > TODAY ? n.earliestStart : TODAY, to: n.latestEnd ?? null };
};

/** Every candidate of the need (sharing a skill, or found by its words) scored exactly, from snapshots: what ranked retrieval must agree with. */
async function exhaustive(manager: EntityManager, record: NeedRecord): Promise<Array<{ id: string; score: number; poolable: boolean; ceiling: number; byText: boolean; title: number }>> {
  const facts = needFacts(record, 50);
  const pieces = piecesOf(facts.words);
  const bySkill = await findCandidates(manager, { skillUris: record.skillUris, subsets: 'any' }, filterOf(record), [], { skills: facts.skills, weights: DEFAULT_WEIGHTS, tables: ceilingTables(facts), pieces, limit: 100_000 });
  const byTitle = await findTextCandidates(manager, pieces, record.skillUris, filterOf(record), DEFAULT_WEIGHTS, 'title');
  const byDescription = await findTextCandidates(manager, pieces, record.skillUris, filterOf(record), DEFAULT_WEIGHTS, 'description');
  const all = [...bySkill, ...byTitle, ...byDescription];
  const textOnly = new Set([...byTitle, ...byDescription].map((light) => light.courseDateId));
  const offers = await loadOffers(manager, [...new Set(all.map((light) => light.offerId))]);
  return all.flatMap((light) => {
    const held = offers.get(light.offerId)!;
    const row: CandidateRow = { courseDateId: light.courseDateId, offer: held.offer, providerAzavApproved: held.providerAzavApproved, distanceKm: light.distanceKm };
    const cost = fundingFor(record, row, FEDERAL_PROGRAMMES);
    const evaluation = evaluateCandidate(facts, candidateFacts(row, cost), DEFAULT_WEIGHTS, TODAY);
    const title = evaluation.excluded ? 0 : evaluation.criteria.find((c) => c.criterion === 'title')!.value;
    return evaluation.excluded ? [] : [{ id: light.courseDateId, score: evaluation.score, poolable: light.minParticipants > 0 && facts.skills.some((skill) => light.skillUris.includes(skill.uri)), ceiling: light.ceiling!, byText: textOnly.has(light.courseDateId), title }];
  });
}

const best = (items: ReadonlyArray<{ id: string; score: number }>, n: number, minScore: number) =>
  [...items].filter((item) => item.score >= minScore).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, n).map((item) => item.id);

describe('ranked retrieval (real Postgres + PostGIS)', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  const rematcher = new Rematcher(config, () => new Date());
  const providerId = randomUUID();
  // Both sources of candidates by skill must give what scoring every candidate gives.
  const index = new CourseDateIndex();
  const sources: Array<[string, (manager: EntityManager) => Promise<CandidateSource>]> = [
    ['sql', async (manager) => sqlCandidates(manager)],
    ['memory', (manager) => indexCandidates(manager, index)],
  ];

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('matchrank');
    await migrateMatching(infra.databaseUrl);
    dataSource = createMatchingDataSource(infra.databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
    const next = seededRandom(5);
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 400; index += 1) await readModels.upsertOffer(manager, offer(next, providerId, offerText(next)));
    });
  }, 180_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await infra?.dispose();
  });

  it('never cuts a better candidate: its top proposals and bundle places equal those of scoring every candidate, and the SQL ceiling is never below a score', async () => {
    const next = seededRandom(11);
    let candidates = 0;
    let read = 0;
    let byText = 0;
    const titles = new Set<number>();
    for (let index = 0; index < 40; index += 1) {
      const snapshot = need(next, needText(next));
      await dataSource.transaction(async (manager) => {
        await readModels.upsertNeed(manager, snapshot, []);
        const record = (await loadNeed(manager, snapshot.id))!;
        const truth = await exhaustive(manager, record);
        for (const candidate of truth) expect(candidate.score).toBeLessThanOrEqual(candidate.ceiling + 0.001);
        byText += truth.filter((candidate) => candidate.byText).length;
        for (const candidate of truth) if (!candidate.byText) titles.add(candidate.title);

        const facts = needFacts(record, 50);
        for (const [name, source] of sources) {
          const broken: string[] = [];
          const ranked = await retrieveRanked(manager, await source(manager), record, facts, filterOf(record), goalsFor(), DEFAULT_WEIGHTS, TODAY, (id) => broken.push(id));
          expect({ name, broken }).toEqual({ name, broken: [] });
          const scored = ranked.candidates.flatMap(({ row, poolable }) => {
            const evaluation = evaluateCandidate(facts, candidateFacts(row, fundingFor(record, row, FEDERAL_PROGRAMMES)), DEFAULT_WEIGHTS, TODAY);
            return evaluation.excluded ? [] : [{ id: row.courseDateId, score: evaluation.score, poolable }];
          });
          const minScore = config.MATCH_MIN_SCORE_PERCENT / 100;
          expect({ name, top: best(scored, config.MATCH_TOP_N, minScore) }).toEqual({ name, top: best(truth, config.MATCH_TOP_N, minScore) });
          expect(best(scored.filter((c) => c.poolable), config.MATCH_POOL_FITS, minScore)).toEqual(best(truth.filter((c) => c.poolable), config.MATCH_POOL_FITS, minScore));
          expect(scored.some((c) => c.score >= minScore)).toBe(truth.some((c) => c.score >= minScore));
          // Whatever was left unread scores below the bar.
          const wasRead = new Set(scored.map((c) => c.id));
          for (const candidate of truth) if (!wasRead.has(candidate.id)) expect(candidate.score).toBeLessThan(ranked.bar + 0.001);
          candidates += truth.length;
          read += ranked.candidates.length;
        }
      });
    }
    // Not vacuous: most candidates were left unread; some came by their words alone; dates sharing
    // a skill had many text relevances (the SQL ceiling bounds it per row).
    expect(read).toBeLessThan(candidates / 2);
    expect(byText).toBeGreaterThan(0);
    expect(titles.size).toBeGreaterThan(3);
  }, 240_000);

  it('finds online dates however far away, and venues just inside the radius but not just outside', async () => {
    const next = seededRandom(23);
    const skill = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const inside = offer(next, providerId, { skills: [skill] }, north(29.5));
    const outside = offer(next, providerId, { skills: [skill] }, north(30.5));
    const online = offer(next, providerId, { skills: [skill] }, 'online');
    const snapshot = need(next, { skillUris: [skill], maxTravelKm: 30, site: { postalCode: '34497', location: KORBACH, districtKey: '06635' }, earliestStart: TODAY, latestEnd: day(400), formats: [], participants: 1 });
    await dataSource.transaction(async (manager) => {
      for (const o of [inside, outside, online]) await readModels.upsertOffer(manager, o);
      await readModels.upsertNeed(manager, snapshot, []);
      const record = (await loadNeed(manager, snapshot.id))!;
      // The offers are this transaction's own, uncommitted: the index gives them as its overlay.
      for (const [name, source] of sources) {
        const ranked = await retrieveRanked(manager, await source(manager), record, needFacts(record, 50), filterOf(record), { ...goalsFor(), topN: 20, poolFits: 20 }, DEFAULT_WEIGHTS, TODAY, () => undefined);
        const offers = new Set(ranked.candidates.map((c) => c.row.offer.id));
        expect({ name, inside: offers.has(inside.id), online: offers.has(online.id), outside: offers.has(outside.id) }).toEqual({ name, inside: true, online: true, outside: false });
      }
    });
  });

  it('a new venue date reaches a need by the default radius when that is the longest any open need has', async () => {
    const next = seededRandom(41);
    const skill = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const wide = new Rematcher(Object.assign(new MatchingConfig(), config, { DEFAULT_TRAVEL_KM: 80 }), () => new Date());
    const at = { site: { postalCode: '34497', location: KORBACH, districtKey: '06635' }, skillUris: [skill], earliestStart: TODAY, latestEnd: day(400), formats: [], participants: 1 };
    const byDefault = need(next, { ...at, maxTravelKm: undefined });
    const near = need(next, { ...at, maxTravelKm: 10 });
    const course = offer(next, providerId, { skills: [skill] }, north(70));
    await dataSource.transaction(async (manager) => {
      for (const snapshot of [byDefault, near]) {
        await readModels.upsertNeed(manager, snapshot, []);
        await wide.rematchNeed(manager, snapshot.id);
      }
      await readModels.upsertOffer(manager, course);
      const concerned = await wide.needsConcernedByOffer(manager, course);
      expect(concerned).toContain(byDefault.id);
      expect(concerned).not.toContain(near.id);
      // Closed again: the other tests' reach runs with a default of 50 km.
      await manager.query(`UPDATE matching.need_view SET open = false WHERE id = ANY($1::uuid[])`, [[byDefault.id, near.id]]);
    });
  });

  it('a new offer re-matches only needs it can change: every need it leaves alone is unchanged by a full re-match', async () => {
    const next = seededRandom(31);
    // With varied words, and every third need asking for a skill no offer teaches: a need may be
    // concerned by an offer that answers its text alone.
    const untaught = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    // Radii of 20–39 km, and every fourth need without one (the default, 50 km, is then the longest
    // radius the reach's index search must cover).
    const radius = (index: number) => ({ maxTravelKm: index % 4 === 1 ? undefined : 20 + (index % 20) });
    const needs = Array.from({ length: 30 }, (_, index) => need(next, { ...needText(next), ...radius(index), ...(index % 3 === 0 ? { skillUris: [untaught] } : {}) }));
    await dataSource.transaction(async (manager) => {
      for (const snapshot of needs) {
        await readModels.upsertNeed(manager, snapshot, []);
        await rematcher.rematchNeed(manager, snapshot.id);
      }
    });
    let skipped = 0;
    let byWords = 0;
    for (let round = 0; round < 8; round += 1) {
      const fresh = offer(next, providerId, offerText(next));
      await dataSource.transaction(async (manager) => {
        await readModels.upsertOffer(manager, fresh);
        const concerned = new Set(await rematcher.needsConcernedByOffer(manager, fresh));
        for (const snapshot of needs.filter((n) => !concerned.has(n.id))) {
          skipped += 1;
          const state = () =>
            manager.query(
              `SELECT (SELECT json_agg(m ORDER BY m.id) FROM (SELECT id, status, score FROM matching.matches WHERE need_id = $1) m) AS matches,
                      (SELECT json_agg(f.course_date_id ORDER BY f.course_date_id) FROM matching.bundle_fits f WHERE f.need_id = $1) AS fits,
                      (SELECT count(*) FROM matching.gap_demand g WHERE g.need_id = $1) AS gaps, (SELECT count(*) FROM matching.outbox) AS events`,
              [snapshot.id],
            );
          const before = await state();
          await rematcher.rematchNeed(manager, snapshot.id);
          expect(await state()).toEqual(before);
        }
        byWords += needs.filter((n) => concerned.has(n.id) && !n.skillUris.some((skill) => fresh.skills.includes(skill))).length;
        // The words route lists the needs its GIN lookups found by id; a word many needs share
        // (here: any) makes it test the index per date instead. Both reach the same needs alike.
        const reachOf = async (wordLookupRows?: number) => {
          const reach = await offerReach(manager, fresh, { defaultTravelKm: config.DEFAULT_TRAVEL_KM, weights: DEFAULT_WEIGHTS, today: TODAY, ...(wordLookupRows === undefined ? {} : { wordLookupRows }) });
          return { holders: [...reach.holders].sort(), entrants: [...reach.entrants].map(([id, { dates }]) => [id, dates.map((date) => [date.row.courseDateId, date.evaluation.score])]).sort() };
        };
        expect(await reachOf(0)).toEqual(await reachOf());
        for (const id of concerned) await rematcher.rematchNeed(manager, id);
      });
    }
    // Not vacuous: the offers left most needs alone, and reached some by their words alone.
    expect(skipped).toBeGreaterThan(needs.length * 8 * 0.5);
    expect(byWords).toBeGreaterThan(0);
  }, 240_000);
});
