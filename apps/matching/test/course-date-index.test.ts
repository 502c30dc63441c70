import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OfferSnapshotV1 } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, seededRandom, TestInfrastructure } from '@bildungsraum/testing';
import { createMatchingDataSource } from '../src/db/matching-data-source';
import { migrateMatching } from '../src/db/migrate-matching';
import { coverageLevels } from '../src/matches/domain/score-ceiling';
import { DEFAULT_WEIGHTS } from '../src/matches/domain/weights';
import { indexCandidates, sqlCandidates } from '../src/matches/infra/candidate-source';
import { CandidateFilter, LightCandidate } from '../src/matches/infra/candidates';
import { ceilingTables } from '../src/matches/infra/ceiling-tables';
import { CourseDateIndex, pruneDateChanges } from '../src/matches/infra/course-date-index';
import { loadNeed } from '../src/matches/infra/need-records';
import { needFacts } from '../src/matches/infra/need-facts';
import { readModels } from '../src/matches/infra/read-models';
import { piecesOf } from '../src/matches/infra/text-words';
import { KORBACH, need, needText, offer, offerText, SKILLS, TODAY } from './support/random-market';

const filterAt = (radiusKm: number, to: string | null = null): CandidateFilter => ({ lon: KORBACH.lon, lat: KORBACH.lat, radiusKm, from: TODAY, to });
const ids = (lights: readonly LightCandidate[]) => lights.map((light) => light.courseDateId).sort();

describe('course date index (real Postgres + PostGIS)', () => {
  let infra: TestInfrastructure;
  let dataSource: DataSource;
  const providerId = randomUUID();
  const write = (o: OfferSnapshotV1) => dataSource.transaction((manager) => readModels.upsertOffer(manager, o));
  /** What the index gives a transaction that changed nothing itself: the dates teaching `skill`, in reach of the whole country. */
  const held = async (index: CourseDateIndex, skill: string) => ids((await (await indexCandidates(dataSource.manager, index)).steps([skill], ['any'], filterAt(1000), []))[0]!);

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('matchindex');
    await migrateMatching(infra.databaseUrl);
    dataSource = createMatchingDataSource(infra.databaseUrl, { poolSize: 4 });
    await dataSource.initialize();
    const next = seededRandom(7);
    await dataSource.transaction(async (manager) => {
      for (let index = 0; index < 300; index += 1) await readModels.upsertOffer(manager, offer(next, providerId, offerText(next), next() < 0.2 ? 'online' : undefined));
    });
  }, 180_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await infra?.dispose();
  });

  it('ranks every step as the SQL statement does: the same dates, distances and ceilings, in the same order', async () => {
    const index = new CourseDateIndex();
    const next = seededRandom(13);
    let compared = 0;
    for (let round = 0; round < 25; round += 1) {
      const snapshot = need(next, needText(next));
      await dataSource.transaction(async (manager: EntityManager) => {
        await readModels.upsertNeed(manager, snapshot, []);
        const record = (await loadNeed(manager, snapshot.id))!;
        const facts = needFacts(record, 50);
        const order = { skills: facts.skills, weights: DEFAULT_WEIGHTS, tables: ceilingTables(facts), pieces: piecesOf(facts.words), limit: 100_000 };
        const filter = { lon: snapshot.site.location.lon, lat: snapshot.site.location.lat, radiusKm: facts.radiusKm, from: TODAY, to: snapshot.latestEnd ?? null };
        const steps = [...coverageLevels(facts.skills).map((level) => level.subsets), 'any' as const];
        const [sql, memory] = [sqlCandidates(manager), await indexCandidates(manager, index)];
        const [bySql, byMemory] = [await sql.steps(record.skillUris, steps, filter, [], order), await memory.steps(record.skillUris, steps, filter, [], order)];
        for (const [step, expected] of bySql.entries()) {
          const actual = byMemory[step]!;
          expect(actual.map((light) => light.courseDateId)).toEqual(expected.map((light) => light.courseDateId));
          for (const [at, light] of expected.entries()) {
            expect(actual[at]!.ceiling!).toBeCloseTo(light.ceiling!, 9);
            expect(actual[at]!.distanceKm ?? -1).toBeCloseTo(light.distanceKm ?? -1, 6);
            expect({ ...actual[at]!, ceiling: 0, distanceKm: 0 }).toEqual({ ...light, ceiling: 0, distanceKm: 0 });
          }
          compared += expected.length;
        }
        // Paging: the best 7 after excluding the first 5 are the SQL's too.
        const first = bySql[0]!.slice(0, 5).map((light) => light.courseDateId);
        const page = async (source: typeof sql) => (await source.steps(record.skillUris, [steps[0]!], filter, first, { ...order, limit: 7 }))[0]!.map((light) => light.courseDateId);
        expect(await page(memory)).toEqual(await page(sql));
        const some = bySql.flat().slice(0, 10).map((light) => light.courseDateId);
        expect(ids(await memory.byId([...some, randomUUID()], filter))).toEqual(ids(await sql.byId([...some, randomUUID()], filter)));
      });
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('sees a transaction that commits after a later one was synced (the horizon is the oldest running transaction)', async () => {
    const index = new CourseDateIndex();
    const skill = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const next = seededRandom(17);
    const [slow, quick] = [offer(next, providerId, { skills: [skill] }, 'online'), offer(next, providerId, { skills: [skill] }, 'online')];
    await held(index, skill);
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await readModels.upsertOffer(runner.manager, slow); // an older transaction id, still running…
      await write(quick); // …while a younger one commits
      expect(await held(index, skill)).toEqual(quick.dates.map((date) => date.id).sort());
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await held(index, skill)).toEqual([...slow.dates, ...quick.dates].map((date) => date.id).sort());
  });

  it('keeps a transaction’s own changes out of the shared index: its retrieval sees them, others do not, and a rollback leaves nothing behind', async () => {
    const index = new CourseDateIndex();
    const skill = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const next = seededRandom(19);
    const kept = offer(next, providerId, { skills: [skill] }, 'online');
    await write(kept);
    await held(index, skill);
    const changed: OfferSnapshotV1 = { ...kept, version: kept.version + 1, status: 'withdrawn' };
    const added = offer(next, providerId, { skills: [skill] }, 'online');
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await readModels.upsertOffer(runner.manager, changed);
      await readModels.upsertOffer(runner.manager, added);
      const own = await indexCandidates(runner.manager, index);
      expect(ids((await own.steps([skill], ['any'], filterAt(1000), []))[0]!)).toEqual(added.dates.map((date) => date.id).sort());
      expect(await held(index, skill)).toEqual(kept.dates.map((date) => date.id).sort());
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    expect(await held(index, skill)).toEqual(kept.dates.map((date) => date.id).sort());
    await write(changed);
    expect(await held(index, skill)).toEqual([]);
  });

  it('loads everything again after a TRUNCATE (a rebuild) and when its horizon lies before pruned notes', async () => {
    const index = new CourseDateIndex();
    const skill = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const next = seededRandom(29);
    await held(index, skill);
    const before = index.size;
    // Notes of this write are pruned before the index syncs again: only a full load finds it.
    const pruned = offer(next, providerId, { skills: [skill] }, 'online');
    await write(pruned);
    await dataSource.query(`UPDATE matching.course_date_changes SET noted_at = now() - interval '2 hours'`);
    expect(await pruneDateChanges(dataSource.manager, 60)).toBeGreaterThan(0);
    expect(await held(index, skill)).toEqual(pruned.dates.map((date) => date.id).sort());
    expect(index.size).toBe(before + pruned.dates.length);

    const survivor = new CourseDateIndex();
    await held(survivor, SKILLS[0]!);
    expect(survivor.size).toBe(index.size);
    await dataSource.query(`TRUNCATE matching.course_date_view`);
    expect(await held(survivor, skill)).toEqual([]);
    expect(survivor.size).toBe(0);
    await write({ ...pruned, version: pruned.version + 1 });
    expect(await held(survivor, skill)).toEqual(pruned.dates.map((date) => date.id).sort());
  });
});
