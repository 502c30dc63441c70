import { BundleDissolved, BundleFormed, BundleSnapshotV1, BundleUpdated, GapClosed, GapDetected, GapSnapshotV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { Feed, freshSkills } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';

describe('pooled demand: bundles and gaps from real events', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let providerId: string;

  const bundles = (type: string, courseDateId: string) => h.capture.ofType(type).map((e) => e.data as BundleSnapshotV1).filter((b) => b.courseDateId === courseDateId);
  const gaps = (type: string, skillUri: string) => h.capture.ofType(type).map((e) => e.data as GapSnapshotV1).filter((g) => g.skillGroup === skillUri);

  beforeAll(async () => {
    h = await startMatching('matchpool');
    feed = new Feed(h);
    providerId = await feed.provider();
  });
  afterAll(() => h?.close());

  it('bundles needs of several companies on one course date: forming, viable at the minimum, dissolved when one company is left (the event names the needs it had)', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates[0].minParticipants = 6;
    await feed.publishOffer(offer);
    const dateId = offer.dates[0].id;
    const [a, b, c] = [await feed.company(), await feed.company(), await feed.company()];

    const needA = await feed.submitNeed(feed.need(a, { skillUris: skills, participants: 2 }));
    const needB = await feed.submitNeed(feed.need(b, { skillUris: skills, participants: 3 }));
    const formed = await eventually(() => bundles(BundleFormed.type, dateId)[0]);
    expect(formed).toMatchObject({ status: 'forming', version: 1, totalParticipants: 5, minParticipants: 6, offerId: offer.id, providerId, districtKeys: ['06635'] });
    expect(formed!.needs.map((n) => n.needId).sort()).toEqual([needA.id, needB.id].sort());

    await feed.submitNeed(feed.need(c, { skillUris: skills, participants: 1 }));
    const viable = await eventually(() => bundles(BundleUpdated.type, dateId).find((u) => u.status === 'viable'));
    expect(viable).toMatchObject({ version: 2, totalParticipants: 6 });

    await feed.withdrawNeed(needB);
    await eventually(() => bundles(BundleUpdated.type, dateId).some((u) => u.version === 3 && u.status === 'forming' && u.totalParticipants === 3));
    await feed.withdrawNeed(needA);
    const dissolved = await eventually(() => bundles(BundleDissolved.type, dateId)[0]);
    // The bundle as it last stood: the needs no longer pooled on this date (A, just withdrawn, and C).
    expect(dissolved).toMatchObject({ id: formed!.id, version: 4, status: 'dissolved', totalParticipants: 3 });
    expect(dissolved!.needs.map((n) => n.companyId).sort()).toEqual([a, c].sort());
  });

  it('a bundle holds the needs one course can take, the best-fitting first; one leaves, the next moves up', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates[0].minParticipants = 4;
    offer.dates[0].maxParticipants = 6;
    offer.dates[0].seatsFree = 6;
    await feed.publishOffer(offer);
    const dateId = offer.dates[0].id;
    const [a, b, c] = [await feed.company(), await feed.company(), await feed.company()];
    const near = { site: { postalCode: '34497', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' } };
    const needA = await feed.submitNeed(feed.need(a, { skillUris: skills, participants: 3, ...near }));
    const needB = await feed.submitNeed(feed.need(b, { skillUris: skills, participants: 3, ...near }));
    await eventually(() => bundles(BundleFormed.type, dateId)[0]);
    // C fits the date too, but 24 km away it fits worse, and the course is full with A and B.
    const needC = await feed.submitNeed(feed.need(c, { skillUris: skills, participants: 3, site: { postalCode: '35066', location: { lat: 51.0589, lon: 8.7967 }, districtKey: '06635' } }));
    await eventually(async () => (await h.query(`SELECT 1 FROM bundle_fits WHERE course_date_id = $1 AND need_id = $2`, [dateId, needC.id])).length === 1);
    const members = async () => ((await h.query(`SELECT members FROM bundles WHERE course_date_id = $1`, [dateId]))[0] as { members: Array<{ needId: string }> }).members.map((m) => m.needId).sort();
    expect(await members()).toEqual([needA.id, needB.id].sort());
    expect(bundles(BundleUpdated.type, dateId)).toHaveLength(0);

    await feed.withdrawNeed(needA);
    const updated = await eventually(() => bundles(BundleUpdated.type, dateId)[0]);
    expect(updated!.needs.map((n) => n.needId).sort()).toEqual([needB.id, needC.id].sort());
    expect(updated).toMatchObject({ status: 'viable', totalParticipants: 6 });
  });

  it('a bundle follows its date when the provider changes the minimum, the size of the course or its free seats, though no need changed', async () => {
    const skills = freshSkills(1);
    const offer = feed.offer(providerId, { skills }, 'korbach');
    offer.dates[0].minParticipants = 6;
    await feed.publishOffer(offer);
    const dateId = offer.dates[0].id;
    const [a, b, c] = [await feed.company(), await feed.company(), await feed.company()];
    const near = { site: { postalCode: '34497', location: { lat: 51.2754, lon: 8.8718 }, districtKey: '06635' } };
    await feed.submitNeed(feed.need(a, { skillUris: skills, participants: 2, ...near }));
    await feed.submitNeed(feed.need(b, { skillUris: skills, participants: 3, ...near }));
    const needC = await feed.submitNeed(feed.need(c, { skillUris: skills, participants: 3, site: { postalCode: '35066', location: { lat: 51.0589, lon: 8.7967 }, districtKey: '06635' } }));
    await eventually(() => bundles(BundleUpdated.type, dateId).find((u) => u.totalParticipants === 8) ?? bundles(BundleFormed.type, dateId).find((u) => u.totalParticipants === 8));

    // Ten now make a course: eight are not enough any more.
    offer.dates[0].minParticipants = 10;
    await feed.publishOffer(offer);
    const raised = await eventually(() => bundles(BundleUpdated.type, dateId).find((u) => u.minParticipants === 10));
    expect(raised).toMatchObject({ status: 'forming', totalParticipants: 8 });
    // Six seats: the best-fitting five stay, C (farther away) moves out; at a minimum of 4 they run.
    offer.dates[0] = { ...offer.dates[0], minParticipants: 4, maxParticipants: 6, seatsFree: 6 };
    await feed.publishOffer(offer);
    const smaller = await eventually(() => bundles(BundleUpdated.type, dateId).find((u) => u.minParticipants === 4));
    expect(smaller).toMatchObject({ status: 'viable', totalParticipants: 5 });
    expect(smaller!.needs.map((n) => n.needId)).not.toContain(needC.id);
    // Two seats booked elsewhere: four left seat A or B, not both – one company, no bundle.
    offer.dates[0] = { ...offer.dates[0], seatsTaken: 2, seatsFree: 4 };
    await feed.publishOffer(offer);
    await eventually(() => bundles(BundleDissolved.type, dateId)[0]);
  });

  it('reports a gap for demand without a reachable offer and closes it when one appears', async () => {
    const [skill] = freshSkills(1);
    const company = await feed.company();
    const need = await feed.submitNeed(feed.need(company, { skillUris: [skill], participants: 4 }));
    // An offer too far away does not close the gap.
    await feed.publishOffer(feed.offer(providerId, { skills: [skill] }, 'holzminden'));
    const detected = await eventually(() => gaps(GapDetected.type, skill)[0]);
    expect(detected).toMatchObject({ status: 'open', version: 1, districtKey: '06635', skillUris: [skill], participants: 4, companies: 1, needIds: [need.id], targetGroups: ['employees'] });

    await feed.publishOffer(feed.offer(providerId, { skills: [skill] }, 'frankenberg'));
    const closed = await eventually(() => gaps(GapClosed.type, skill)[0]);
    expect(closed).toMatchObject({ id: detected!.id, status: 'closed', version: 2, needIds: [] });
    expect(gaps(GapDetected.type, skill)).toHaveLength(1);
  });
});
