import { MatchProposed, MatchWithdrawn } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { dayFromNow, Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { nextMatchEvent } from './support/probes';

interface TextSkillBody {
  uri: string;
  label: string;
  confidence: number;
  evidence: Array<{ term: string; matchedLabel: string }>;
}

/** With the ESCO taxonomy imported into the schema (once for this file, ~10 s). */
describe('skills from the company’s own words, and dates that pass', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let companyId: string;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchtext', { taxonomy: true });
    feed = new Feed(h);
    companyId = await feed.company();
    providerId = await feed.provider();
  }, 120_000);
  afterAll(() => h?.close());

  it('reads a skill out of "Staplerschein", keeps the evidence, and matches an offer teaching it', async () => {
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: [], description: 'Wir brauchen einen Staplerschein für drei Lagerhelfer', participants: 3 }));
    const company = `Bearer ${await h.token('company', companyId)}`;
    const body = await eventually(async () => {
      const response = await h.http().get(`/needs/${need.id}/matches`).set('Authorization', company);
      return response.status === 200 ? (response.body as { textSkills: TextSkillBody[] }) : undefined;
    });
    expect(body!.textSkills.length).toBeGreaterThan(0);
    // Each reading names the words that led to it ("Stapler" from "Staplerschein" via the occupation Staplerfahrer).
    const forklift = body!.textSkills.find((skill) => skill.evidence.some((e) => /stapler/i.test(e.term)));
    expect(forklift).toBeDefined();
    expect(forklift!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(forklift!.evidence[0]).toMatchObject({ term: expect.any(String), matchedLabel: expect.any(String) });

    const offer = await feed.publishOffer(feed.offer(providerId, { title: 'Staplerschein', skills: [forklift!.uri] }, 'korbach'));
    const match = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id);
    expect(match.offerId).toBe(offer.id);
    expect(match.explanation.de).toMatch(new RegExp(`^1 von ${body!.textSkills.length} Fähigkeit`));
  });

  it('withdraws a proposal once its course date has started (sweep) and keeps the later date', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates.push({ ...offer.dates[0], id: '0b7c3c1e-6a55-4f55-9d0c-2f0c8d9d1a11', startDate: dayFromNow(60), endDate: dayFromNow(150) });
    await feed.publishOffer(offer);
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    await eventually(() => h.capture.ofType(MatchProposed.type).filter((e) => (e.data as { needId: string }).needId === need.id).length === 2);

    h.clock.now = new Date(Date.parse(`${dayFromNow(31)}T12:00:00Z`));
    expect(await h.sweeper().sweep()).toBeGreaterThanOrEqual(1);
    const withdrawn = await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.needId === need.id);
    expect(withdrawn).toMatchObject({ courseDateId: offer.dates[0].id, reasonCode: 'date_passed' });
    expect(await h.query(`SELECT status FROM matches WHERE need_id = $1 AND course_date_id = $2`, [need.id, offer.dates[1].id])).toEqual([{ status: 'proposed' }]);
    expect(await h.sweeper().sweep()).toBe(0);
    h.clock.now = undefined;
  });
});
