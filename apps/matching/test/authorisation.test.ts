import { randomUUID } from 'node:crypto';
import { MatchAccepted, MatchConfirmed, MatchProposed } from '@bildungsraum/contracts';
import { Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';
import { MatchEventData, nextMatchEvent } from './support/probes';

/**
 * Who may read a need's matches and answer a proposal. Not visible → 404 (existence does not leak),
 * visible but the other side's answer → 403, missing token role → 403, no token → 401.
 */
describe('matches over HTTP: authorisation and input', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let companyId: string;
  let otherCompanyId: string;
  let providerId: string;
  let otherProviderId: string;
  let coordinatorOrgId: string;
  let foreignCoordinatorOrgId: string;
  let needId: string;
  let match: MatchEventData;

  const as = async (role: 'company' | 'provider' | 'coordinator' | 'operator', partnerId: string) => `Bearer ${await h.token(role, partnerId)}`;

  beforeAll(async () => {
    h = await startMatching('matchauth');
    feed = new Feed(h);
    coordinatorOrgId = await feed.provider({ azav: false });
    foreignCoordinatorOrgId = await feed.provider({ azav: false });
    const networkId = await feed.network(coordinatorOrgId);
    await feed.network(foreignCoordinatorOrgId);
    companyId = await feed.company({ networkIds: [networkId] });
    otherCompanyId = await feed.company();
    providerId = await feed.provider();
    otherProviderId = await feed.provider();
    const skills = freshSkills(2);
    await feed.publishOffer(feed.offer(providerId, { skills }, 'korbach'));
    const need = await feed.submitNeed(feed.need(companyId, { skillUris: skills }));
    needId = need.id;
    match = await nextMatchEvent(h, MatchProposed.type, (m) => m.needId === needId);
  });
  afterAll(() => h?.close());

  describe('GET /needs/:id/matches', () => {
    it('shows the company its matches with score, criteria and the explanation in both languages', async () => {
      const response = await h.http().get(`/needs/${needId}/matches`).set('Authorization', await as('company', companyId));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ needId, needVersion: 1, textSkills: [] });
      expect(response.body.matches).toHaveLength(1);
      expect(response.body.matches[0]).toMatchObject({ id: match.id, status: 'proposed', score: match.score });
      expect(response.body.matches[0].criteria).toHaveLength(10);
      expect(response.body.matches[0].explanation.de).toMatch(/^2 von 2 Fähigkeiten abgedeckt · 0 km/);
    });

    it.each([
      ['the coordinator of its network', 200, 'coordinator', () => coordinatorOrgId],
      ['an operator', 200, 'operator', () => randomUUID()],
      ['another company', 404, 'company', () => otherCompanyId],
      ['a coordinator of another network', 404, 'coordinator', () => foreignCoordinatorOrgId],
      ['a provider (no such token role here)', 403, 'provider', () => providerId],
    ] as const)('%s → %i', async (_who, status, role, partner) => {
      const response = await h.http().get(`/needs/${needId}/matches`).set('Authorization', await as(role, partner()));
      expect(response.status).toBe(status);
      expect(response.status === 200 || response.headers['content-type'].startsWith('application/problem+json')).toBe(true);
    });

    it('anonymous → 401; unknown need → 404; malformed id → 400', async () => {
      expect((await h.http().get(`/needs/${needId}/matches`)).status).toBe(401);
      expect((await h.http().get(`/needs/${randomUUID()}/matches`).set('Authorization', await as('operator', randomUUID()))).status).toBe(404);
      expect((await h.http().get(`/needs/not-a-uuid/matches`).set('Authorization', await as('operator', randomUUID()))).status).toBe(400);
    });
  });

  describe('answers', () => {
    it('refuses a provider accepting, a foreign company, unknown fields and malformed ids', async () => {
      const company = await as('company', companyId);
      expect((await h.http().post(`/matches/${match.id}/accept`).set('Authorization', await as('company', otherCompanyId)).send({})).status).toBe(404);
      // The provider does not see a proposal the company has not accepted.
      expect((await h.http().post(`/matches/${match.id}/confirm`).set('Authorization', await as('provider', providerId)).send({})).status).toBe(404);
      const unknown = await h.http().post(`/matches/${match.id}/accept`).set('Authorization', company).send({ note: 'x' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors?.[0]?.field).toBe('note');
      expect((await h.http().post(`/matches/nope/accept`).set('Authorization', company).send({})).status).toBe(400);
      expect((await h.http().post(`/matches/${match.id}/accept`).set('Authorization', company).set('Content-Type', 'application/json').send('{"reason":')).status).toBe(400);
      expect((await h.http().post(`/matches/${match.id}/accept`).send({})).status).toBe(401);
      // The company cannot confirm for the provider.
      expect((await h.http().post(`/matches/${match.id}/confirm`).set('Authorization', company).send({})).status).toBe(403);
    });

    it('company accepts, provider confirms, both as events; wrong order or side → 409 / 403 / 404', async () => {
      const accepted = await h.http().post(`/matches/${match.id}/accept`).set('Authorization', await as('coordinator', coordinatorOrgId)).send({});
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
      await nextMatchEvent(h, MatchAccepted.type, (m) => m.id === match.id && m.version === 2);

      expect((await h.http().post(`/matches/${match.id}/accept`).set('Authorization', await as('company', companyId)).send({})).status).toBe(409);
      expect((await h.http().post(`/matches/${match.id}/confirm`).set('Authorization', await as('provider', otherProviderId)).send({})).status).toBe(404);
      expect((await h.http().post(`/matches/${match.id}/decline`).set('Authorization', await as('provider', providerId)).send({})).status).toBe(403);

      const confirmed = await h.http().post(`/matches/${match.id}/confirm`).set('Authorization', await as('provider', providerId)).send({ reason: 'Plätze reserviert' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', version: 3 });
      const event = await nextMatchEvent(h, MatchConfirmed.type, (m) => m.id === match.id);
      expect(event).toMatchObject({ status: 'confirmed', version: 3, participants: 2, providerId });
      expect((await h.http().post(`/matches/${match.id}/reject`).set('Authorization', await as('operator', randomUUID())).send({})).status).toBe(409);
    });
  });
});
