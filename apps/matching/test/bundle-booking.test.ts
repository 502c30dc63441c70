import { BundleDissolved, BundleFormed, BundleSnapshotV1, BundleUpdated, createEvent, NeedFulfilled, NeedSnapshotV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';

/**
 * Found by the end-to-end story (apps/platform-e2e): once the provider confirmed the seats, the
 * fulfilled needs left the bundle one by one, so the provider and the coordinators were told
 * "Bündel geändert" (back to forming) and "Bündel aufgelöst" for the course that had just filled.
 */
describe('a bundle whose needs are booked into its course', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchbooked');
    feed = new Feed(h);
    providerId = await feed.provider();
  });
  afterAll(() => h?.close());

  const bundles = (type: string, courseDateId: string) => h.capture.ofType(type).map((event) => event.data as BundleSnapshotV1).filter((bundle) => bundle.courseDateId === courseDateId);

  /** The company accepts its proposal for the date and the provider confirms it, over HTTP. */
  async function book(need: NeedSnapshotV1, courseDateId: string): Promise<string> {
    const companyToken = `Bearer ${await h.token('company', need.company.id)}`;
    const match = await eventually(async () => {
      const response = await h.http().get(`/needs/${need.id}/matches`).set('Authorization', companyToken);
      return (response.body as { matches?: Array<{ id: string; courseDateId: string }> }).matches?.find((candidate) => candidate.courseDateId === courseDateId);
    }) as { id: string };
    expect((await h.http().post(`/matches/${match.id}/accept`).set('Authorization', companyToken).send({})).status).toBe(200);
    const providerToken = `Bearer ${await h.token('provider', providerId)}`;
    expect((await h.http().post(`/matches/${match.id}/confirm`).set('Authorization', providerToken).send({})).status).toBe(200);
    return match.id;
  }

  it('keeps the booked needs as members when they are fulfilled, and only grows with new needs', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates[0].minParticipants = 4;
    await feed.publishOffer(offer);
    const dateId = offer.dates[0].id;
    const [a, b, c] = [await feed.company(), await feed.company(), await feed.company()];
    const needA = await feed.submitNeed(feed.need(a, { skillUris: skills, participants: 2 }));
    const needB = await feed.submitNeed(feed.need(b, { skillUris: skills, participants: 2 }));
    const formed = await eventually(() => bundles(BundleFormed.type, dateId).find((bundle) => bundle.totalParticipants === 4) ?? bundles(BundleUpdated.type, dateId).find((bundle) => bundle.totalParticipants === 4));
    expect(formed!.status).toBe('viable');

    // Both are booked; needs then reports them fulfilled (as the needs service does on match.confirmed).
    for (const need of [needA, needB]) {
      const matchId = await book(need, dateId);
      await h.publisher.publish(createEvent(NeedFulfilled, need.id, { ...need, status: 'fulfilled', version: need.version + 1, matchId }));
    }
    // A third company's need arrives after the fulfilments (same stream, handled in order).
    const needC = await feed.submitNeed(feed.need(c, { skillUris: skills, participants: 1 }));
    const grown = await eventually(() => bundles(BundleUpdated.type, dateId).find((bundle) => bundle.needs.some((member) => member.needId === needC.id)));
    expect(grown!).toMatchObject({ status: 'viable', totalParticipants: 5 });
    expect(grown!.needs.map((member) => member.needId).sort()).toEqual([needA.id, needB.id, needC.id].sort());
    // Nothing in between told anyone that the booked course's bundle shrank or dissolved.
    expect(bundles(BundleUpdated.type, dateId).filter((bundle) => bundle.totalParticipants < 4)).toEqual([]);
    expect(bundles(BundleDissolved.type, dateId)).toEqual([]);
  });

  it('keeps booked needs in a full course although a better-fitting need comes later', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates[0].minParticipants = 4;
    offer.dates[0].maxParticipants = 4;
    offer.dates[0].seatsFree = 4;
    await feed.publishOffer(offer);
    const dateId = offer.dates[0].id;
    const [a, b, c] = [await feed.company(), await feed.company(), await feed.company()];
    // A and B are 24 km away; C, next to the venue, fits the date better.
    const away = { site: { postalCode: '35066', location: { lat: 51.0589, lon: 8.7967 }, districtKey: '06635' } };
    const needA = await feed.submitNeed(feed.need(a, { skillUris: skills, participants: 2, ...away }));
    const needB = await feed.submitNeed(feed.need(b, { skillUris: skills, participants: 2, ...away }));
    await eventually(() => bundles(BundleFormed.type, dateId).find((bundle) => bundle.totalParticipants === 4));
    for (const need of [needA, needB]) await book(need, dateId);
    const needC = await feed.submitNeed(feed.need(c, { skillUris: skills, participants: 2 }));
    await eventually(async () => (await h.query(`SELECT 1 FROM bundle_fits WHERE course_date_id = $1 AND need_id = $2`, [dateId, needC.id])).length === 1);
    const [bundle] = (await h.query(`SELECT members FROM bundles WHERE course_date_id = $1`, [dateId])) as Array<{ members: Array<{ needId: string }> }>;
    expect(bundle!.members.map((member) => member.needId).sort()).toEqual([needA.id, needB.id].sort());
    expect(bundles(BundleUpdated.type, dateId).filter((update) => update.needs.some((member) => member.needId === needC.id))).toEqual([]);
  });
});
