import { MatchDeclined, MatchProposed, MatchRejected } from '@bildungsraum/contracts';
import { dayFromNow, Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { matchEvents, nextMatchEvent } from './support/probes';

/**
 * A company that declines a proposal, or a provider that rejects an accepted one, leaves the need
 * with one proposal fewer than it should have: the next best date is proposed in the same
 * transaction (the company always sees its best N to choose from), not only when something else
 * happens to re-match the need.
 */
describe('answers to proposals', () => {
  let h: MatchingHarness;
  let feed: Feed;

  beforeAll(async () => {
    h = await startMatching('matchanswers', { env: { MATCH_TOP_N: '2' } });
    feed = new Feed(h);
  });
  afterAll(() => h?.close());

  it('propose the next best date when the company declines or the provider rejects', async () => {
    const companyId = await feed.company({ employees: 30 });
    const providerId = await feed.provider({ azav: true });
    const skills = freshSkills(2);
    // Same course and venue, later and later starts: the earlier the start, the better the score.
    const offers = [10, 60, 120, 170].map((start) => {
      const offer = feed.offer(providerId, { skills }, 'korbach');
      offer.dates[0] = { ...offer.dates[0], startDate: dayFromNow(start), endDate: dayFromNow(start + 60) };
      return offer;
    });
    for (const offer of offers) {
      await feed.publishOffer(offer);
      await feed.offerHandled(offer);
    }
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    const proposalFor = (index: number) => nextMatchEvent(h, MatchProposed.type, (m) => m.needId === need.id && m.offerId === offers[index].id);
    const [first, second] = [await proposalFor(0), await proposalFor(1)];
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id)).toHaveLength(2);

    const company = `Bearer ${await h.token('company', companyId)}`;
    expect((await h.http().post(`/matches/${first.id}/decline`).set('Authorization', company).send({ reason: 'zu früh' })).status).toBe(200);
    await nextMatchEvent(h, MatchDeclined.type, (m) => m.id === first.id);
    await proposalFor(2);

    expect((await h.http().post(`/matches/${second.id}/accept`).set('Authorization', company).send({})).status).toBe(200);
    const provider = `Bearer ${await h.token('provider', providerId)}`;
    expect((await h.http().post(`/matches/${second.id}/reject`).set('Authorization', provider).send({ reason: 'ausgebucht' })).status).toBe(200);
    await nextMatchEvent(h, MatchRejected.type, (m) => m.id === second.id);
    await proposalFor(3);

    // The answered dates are never proposed again; the need holds its best two unanswered.
    const matches = (await h.http().get(`/needs/${need.id}/matches`).set('Authorization', company)).body as { matches: Array<{ offerId: string; status: string }> };
    const statusOf = (index: number) => matches.matches.find((match) => match.offerId === offers[index].id)?.status;
    expect([0, 1, 2, 3].map(statusOf)).toEqual(['declined', 'rejected', 'proposed', 'proposed']);
    expect(matchEvents(h, MatchProposed.type, (m) => m.needId === need.id)).toHaveLength(4);
  });
});
