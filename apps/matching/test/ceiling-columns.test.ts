import { Client } from 'pg';
import { OFFER_TARGET_GROUPS } from '@bildungsraum/contracts';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { migrateMatching } from '../src/db/migrate-matching';
import { MATCHING_SCHEMA } from '../src/db/matching-data-source';
import { TARGET_GROUP_BITS, UNKNOWN_GROUP_BIT } from '../src/matches/infra/ceiling-tables';

/**
 * The course dates' ceiling columns (migration 1763880000000) as retrieval's SQL ceiling reads
 * them: the target groups' bit mask must put each group on the bit ceiling-tables.ts expects,
 * else the ceiling would value a course's groups as another set's (ranked retrieval would then
 * notice a broken ceiling and score every candidate – correct, but slow).
 */
describe('the course dates’ ceiling columns (real Postgres)', () => {
  let infra: TestInfrastructure;
  let db: Client;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('ceilingcolumns');
    await migrateMatching(infra.databaseUrl);
    db = new Client({ connectionString: infra.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await infra?.dispose();
  });

  const mask = async (groups: unknown): Promise<number> =>
    ((await db.query(`SELECT "${MATCHING_SCHEMA}".target_group_mask($1::jsonb) AS mask`, [JSON.stringify(groups)])).rows[0] as { mask: number }).mask;

  it('puts every target group of the contract on the bit retrieval expects', async () => {
    expect([...TARGET_GROUP_BITS].sort()).toEqual([...OFFER_TARGET_GROUPS].sort());
    for (const [bit, group] of TARGET_GROUP_BITS.entries()) expect(await mask([group])).toBe(1 << bit);
    expect(await mask(['employees', 'apprentices', 'employees'])).toBe(0b11);
  });

  it('marks a group it does not know, and reads no groups as none', async () => {
    expect(await mask(['employees', 'astronauts', 'pilots'])).toBe(0b10 | UNKNOWN_GROUP_BIT);
    expect(await mask([])).toBe(0);
    expect(await mask(null)).toBe(0);
  });

  it('keeps the columns with the row whoever writes it', async () => {
    const s = MATCHING_SCHEMA;
    const offerId = '00000000-0000-4000-8000-00000000000a';
    await db.query(`INSERT INTO "${s}".offer_view (id, version, provider_id, status, snapshot, skill_uris) VALUES ($1, 1, $1, 'published', '{}', '{}')`, [offerId]);
    const facts = { dqrLevel: 4, language: 'de', targetGroups: ['job_seekers'] };
    await db.query(
      `INSERT INTO "${s}".course_date_view (id, offer_id, start_date, end_date, online, seats_free, min_participants, max_participants, schedule, offer_facts)
       VALUES ($1, $1, '2027-01-01', '2027-02-01', true, 5, 0, 10, 'full_time', $2)`,
      [offerId, JSON.stringify(facts)],
    );
    const read = async () => (await db.query(`SELECT dqr_level, offer_language, target_group_mask FROM "${s}".course_date_view WHERE id = $1`, [offerId])).rows[0];
    expect(await read()).toEqual({ dqr_level: 4, offer_language: 'de', target_group_mask: 1 << TARGET_GROUP_BITS.indexOf('job_seekers') });
    await db.query(`UPDATE "${s}".course_date_view SET offer_facts = $2 WHERE id = $1`, [offerId, JSON.stringify({ language: 'en', targetGroups: [] })]);
    expect(await read()).toEqual({ dqr_level: null, offer_language: 'en', target_group_mask: 0 });
  });
});
