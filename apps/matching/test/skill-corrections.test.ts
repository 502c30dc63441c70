import { MatchProposed, MatchWithdrawn } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { nextMatchEvent } from './support/probes';

describe('POST /needs/:id/skill-corrections', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let companyId: string;
  let otherCompanyId: string;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchcorrect');
    feed = new Feed(h);
    companyId = await feed.company();
    otherCompanyId = await feed.company();
    providerId = await feed.provider();
  });
  afterAll(() => h?.close());

  it('removing a wrong skill retracts the proposal it caused; adding one proposes an offer teaching it', async () => {
    const [welding, wrong, extra] = freshSkills(3);
    await feed.publishOffer(feed.offer(providerId, { skills: [welding] }, 'korbach'));
    const wrongOffer = await feed.publishOffer(feed.offer(providerId, { skills: [wrong] }, 'korbach'));
    const extraOffer = await feed.publishOffer(feed.offer(providerId, { skills: [extra] }, 'korbach'));
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: [welding, wrong] }));
    const proposal = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === wrongOffer.id);

    const response = await h
      .http()
      .post(`/needs/${need.id}/skill-corrections`)
      .set('Authorization', `Bearer ${await h.token('company', companyId)}`)
      .send({ remove: [wrong], add: [extra] });
    expect(response.status).toBe(200);
    expect(response.body.skillCorrections).toEqual({ confirmed: [], removed: [wrong], added: [extra] });
    expect(response.body.matchedOnSkillUris.sort()).toEqual([welding, extra].sort());
    expect(response.body.matches.map((m: { offerId: string }) => m.offerId)).toContain(extraOffer.id);
    expect((await nextMatchEvent(h, MatchWithdrawn.type, (m) => m.id === proposal.id)).reasonCode).toBe('no_longer_fits');
    await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === extraOffer.id);

    // A later version of the need keeps the corrections.
    await feed.updateNeed({ ...need, participants: 3 });
    await eventually(async () => ((await h.query(`SELECT 1 FROM need_view WHERE id = $1 AND version = 2`, [need.id])) as unknown[]).length === 1);
    const [row] = (await h.query(`SELECT skill_uris, skill_corrections FROM need_view WHERE id = $1`, [need.id])) as Array<{ skill_uris: string[]; skill_corrections: object }>;
    expect(row.skill_uris.sort()).toEqual([welding, extra].sort());
    expect(row.skill_corrections).toEqual({ confirmed: [], removed: [wrong], added: [extra] });
  });

  it('another company → 404, contradictions → 422, bad URIs and unknown fields → 400', async () => {
    const [skill] = freshSkills(1);
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: [skill] }));
    const own = `Bearer ${await h.token('company', companyId)}`;
    const post = (auth: string, body: object) => h.http().post(`/needs/${need.id}/skill-corrections`).set('Authorization', auth).send(body);
    // The need must be in the read model first (its event may still be on the way).
    await eventually(async () => ((await h.query(`SELECT 1 FROM need_view WHERE id = $1`, [need.id])) as unknown[]).length === 1);
    expect((await post(`Bearer ${await h.token('company', otherCompanyId)}`, { remove: [skill] })).status).toBe(404);
    const contradiction = await post(own, { remove: [skill], add: [skill] });
    expect(contradiction.status).toBe(422);
    expect(contradiction.body.code).toBe('skills.contradiction');
    expect((await post(own, { add: ['https://example.org/skill'] })).status).toBe(400);
    expect((await post(own, { drop: [skill] })).status).toBe(400);
    expect((await post(`Bearer ${await h.token('provider', providerId)}`, { add: [skill] })).status).toBe(403);
  });
});
