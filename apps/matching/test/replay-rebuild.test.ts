import { jetstreamManager } from '@nats-io/jetstream';
import { randomUUID } from 'node:crypto';
import { streamName } from '@bildungsraum/messaging';
import { eventually, provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { MATCHING_INPUT_STREAMS, prepareMatchingRebuild } from '../src/rebuild/rebuild-matching';
import { MATCHING_CONSUMER } from '../src/shared/infra/matching-store';
import { Feed, freshSkills, PLACES } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';

/**
 * Matching's state is built from events only, so an operator can rebuild it: empty its tables,
 * delete matching's durable consumers and start the service; the new consumers (deliver
 * policy "all") replay PARTNERS, NEEDS and CATALOGUE from the start. The replay runs the three
 * streams concurrently, so the events meet in another order than the first time: the rebuilt
 * state must still be the same (what is current – proposals, bundles, gaps, read models; ids,
 * timestamps and the history of withdrawn proposals may differ).
 */
describe('rebuilding matching by replaying the streams', () => {
  let infra: TestInfrastructure;
  let h: MatchingHarness | undefined;

  beforeAll(async () => {
    infra = await provisionTestInfrastructure('matchreplay');
  });
  afterAll(async () => {
    await h?.close();
    await infra?.dispose();
  });

  it('yields the same proposals, bundles, gaps and read models from emptied tables', async () => {
    h = await startMatching('matchreplay', { infra });
    const published = await feedRealisticHistory(new Feed(h));
    await allHandled(h, published);
    const before = await currentState(h);
    // The scenario is rich enough to prove something.
    expect(before.matches.length).toBeGreaterThanOrEqual(5);
    expect(before.bundles.length).toBeGreaterThanOrEqual(1);
    expect(before.gaps.length).toBeGreaterThanOrEqual(2);

    await h.close();
    h = undefined;
    // The operator's rebuild (docs/operations.md): tables emptied, matching's durables deleted.
    const prepared = await prepareMatchingRebuild({ databaseUrl: infra.databaseUrl, natsUrl: infra.natsUrl, subjectPrefix: infra.subjectPrefix });
    expect(prepared.deletedConsumers).toHaveLength(3);
    expect(prepared.emptied).toEqual(expect.arrayContaining(['matches', 'bundles', 'gaps', 'need_view', 'inbox', 'outbox']));
    expect(prepared.emptied.some((table) => table.startsWith('ref_'))).toBe(false);

    h = await startMatching('matchreplay', { infra });
    await allHandled(h, published);
    const after = await currentState(h);
    expect(after).toEqual(before);
  });
});

/**
 * In a replay the PARTNERS stream runs beside the others, so a provider can become known only
 * after its offers and the needs they fit were matched. Its AZAV approval decides § 82 funding:
 * the late partner event must re-match those needs, or the rebuilt costs would depend on timing.
 */
describe('a provider known only after its offers and needs', () => {
  let late: MatchingHarness;
  afterAll(() => late?.close());

  it('re-matches the needs its offers serve when its AZAV approval arrives', async () => {
    late = await startMatching('matchlateprov');
    const feed = new Feed(late);
    const providerId = randomUUID();
    const skills = freshSkills(2);
    const company = await feed.company({ employees: 30 });
    await feed.publishOffer(feed.offer(providerId, { skills }, 'korbach'));
    const need = await feed.submitNeed(feed.need(company, { skillUris: skills }));
    const costOf = async () => {
      const rows = (await late.query(`SELECT company_cost_cents, explanation FROM matches WHERE need_id = $1 AND status = 'proposed'`, [need.id])) as Array<{ company_cost_cents: number; explanation: { de: string } }>;
      return rows[0];
    };
    // Unknown provider: no AZAV approval, so no § 82 – the company pays the full price.
    expect((await eventually(costOf))!.company_cost_cents).toBeGreaterThan(0);

    await feed.partner({ id: providerId, version: 0, kind: 'provider', name: 'Bildungswerk Nordhessen', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: ['06635'], networkIds: [] });
    const funded = await eventually(async () => {
      const match = await costOf();
      return match?.company_cost_cents === 0 ? match : undefined;
    });
    expect(funded!.explanation.de).toContain('§ 82 SGB III');
  });
});

/**
 * Partners, offers and needs as a region's first weeks produce them: providers and a network,
 * companies, offers published and changed (seats taken, a date added) and withdrawn, needs
 * submitted, changed and withdrawn. Returns how many events it published.
 */
async function feedRealisticHistory(feed: Feed): Promise<number> {
  let events = 0;
  const count = async <T>(work: Promise<T>, n = 1): Promise<T> => {
    const result = await work;
    events += n;
    return result;
  };
  const [cnc, welding, forklift, excel, care] = freshSkills(5);
  const coordinator = await count(feed.provider({ azav: false }));
  const network = await count(feed.network(coordinator));
  const provider = await count(feed.provider({ azav: true }));
  const smallProvider = await count(feed.provider({ azav: false }));
  const companies: string[] = [];
  for (let i = 0; i < 6; i += 1) companies.push(await count(feed.company({ networkIds: i % 2 ? [network] : [], employees: [8, 30, 120, 45, 600, 12][i] })));
  const [c0, c1, c2, c3, c4, c5] = companies as [string, string, string, string, string, string];

  const cncCourse = feed.offer(provider, { skills: [cnc!, welding!], title: 'CNC und Schweißen' }, 'korbach');
  cncCourse.dates[0]!.minParticipants = 8;
  await count(feed.publishOffer(cncCourse));
  const weldingCourse = feed.offer(smallProvider, { skills: [welding!], title: 'Schweißen MAG', azavApproved: false, priceCents: 90_000 }, 'frankenberg');
  await count(feed.publishOffer(weldingCourse));
  const onlineExcel = feed.offer(provider, { skills: [excel!], title: 'Excel kompakt', formats: ['online_live'], hours: 24, priceCents: 40_000 });
  onlineExcel.dates[0] = { ...onlineExcel.dates[0]!, online: true, venue: undefined, minParticipants: 3 };
  await count(feed.publishOffer(onlineExcel));
  const farForklift = feed.offer(smallProvider, { skills: [forklift!], title: 'Staplerschein' }, 'holzminden');
  await count(feed.publishOffer(farForklift));

  const needs = [
    await count(feed.submitNeed(feed.need(c0, { skillUris: [cnc!, welding!], participants: 3 }))),
    await count(feed.submitNeed(feed.need(c1, { skillUris: [cnc!], participants: 2 }))),
    await count(feed.submitNeed(feed.need(c2, { skillUris: [welding!], participants: 4, site: { ...PLACES.frankenberg } }))),
    await count(feed.submitNeed(feed.need(c3, { skillUris: [excel!], participants: 2, formats: ['online_live', 'in_person'] }))),
    await count(feed.submitNeed(feed.need(c4, { skillUris: [excel!], participants: 1, formats: ['online_live'] }))),
    await count(feed.submitNeed(feed.need(c5, { skillUris: [forklift!], participants: 3 }))),
    await count(feed.submitNeed(feed.need(c1, { skillUris: [care!], participants: 2, targetGroups: ['older_employees'], participantsByTargetGroup: [{ targetGroup: 'older_employees', count: 2 }] }))),
    await count(feed.submitNeed(feed.need(c3, { skillUris: [care!], participants: 1, site: { ...PLACES.holzminden } }))),
  ];
  // Changes: a need grows, one is withdrawn, the CNC course gets a second date and fills its first,
  // the small provider withdraws its welding course.
  await count(feed.updateNeed({ ...needs[1]!, participants: 4, participantsByTargetGroup: [{ targetGroup: 'employees', count: 4 }] }));
  await count(feed.withdrawNeed(needs[4]!));
  const secondDate = { ...cncCourse.dates[0]!, id: randomUUID(), startDate: cncCourse.dates[0]!.endDate, minParticipants: 4 };
  await count(feed.publishOffer({ ...cncCourse, dates: [{ ...cncCourse.dates[0]!, seatsTaken: 10, seatsFree: 2 }, secondDate] }));
  await count(feed.withdrawOffer(weldingCourse));
  await count(feed.submitNeed(feed.need(c4, { skillUris: [welding!, cnc!], participants: 2, site: { ...PLACES.frankenberg } })));
  return events;
}

/** Every published event has its inbox row: handled, and its effects committed with it. */
async function allHandled(h: MatchingHarness, published: number): Promise<void> {
  const jsm = await jetstreamManager(h.nats);
  let inStreams = 0;
  for (const service of MATCHING_INPUT_STREAMS) inStreams += (await jsm.streams.info(streamName(service, h.infra.subjectPrefix))).state.messages;
  expect(inStreams).toBe(published);
  await eventually(async () => {
    const [row] = (await h.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [MATCHING_CONSUMER])) as Array<{ n: number }>;
    return row!.n === published;
  }, { timeoutMs: 120_000 });
}

/** What is current in matching, without generated ids and timestamps, in a fixed order. */
async function currentState(h: MatchingHarness) {
  const q = (sql: string) => h.query(sql);
  return {
    partners: await q(`SELECT id, version, kind, status, employees, azav_approved, district_keys, network_ids FROM partner_view ORDER BY id`),
    networks: await q(`SELECT id, version, coordinator_ids, district_keys FROM network_view ORDER BY id`),
    needs: await q(`SELECT id, version, status, open, skill_uris, participants FROM need_view ORDER BY id`),
    offers: await q(`SELECT id, version, status, skill_uris FROM offer_view ORDER BY id`),
    dates: await q(`SELECT id, offer_id, seats_free, min_participants FROM course_date_view ORDER BY id`),
    matches: await q(
      `SELECT need_id, course_date_id, offer_id, provider_id, status, participants, round(score::numeric, 9) AS score, criteria, explanation, company_cost_cents, funding_programme_ids
         FROM matches WHERE status IN ('proposed', 'accepted', 'confirmed') ORDER BY need_id, course_date_id`,
    ),
    bundleFits: await q(`SELECT course_date_id, need_id, company_id, participants, district_key FROM bundle_fits ORDER BY course_date_id, need_id`),
    bundles: await q(`SELECT course_date_id, offer_id, provider_id, status, members, min_participants, skill_uris FROM bundles WHERE status <> 'dissolved' ORDER BY course_date_id`),
    gapDemand: await q(`SELECT need_id, skill_group, skill_uris, district_key, company_id, participants, target_groups FROM gap_demand ORDER BY need_id, skill_group`),
    gaps: await q(`SELECT district_key, skill_group, status FROM gaps WHERE status = 'open' ORDER BY district_key, skill_group`),
  };
}
