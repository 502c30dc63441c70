import { GapClosed, GapDetected, GapSnapshotV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { Feed, PLACES } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';

/** ESCO skills of one trade; "conduct forklift inspections" is a narrower skill of "operate forklift". */
const ESCO = {
  forklift: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da',
  forkliftInspections: 'http://data.europa.eu/esco/skill/3c84f7d9-7a3e-4343-814f-31de0aa61651',
  /** ESCO skill group S8.1.3 "Bedienen von Hebe- oder Transportvorrichtungen". */
  liftingGroup: 'http://data.europa.eu/esco/skill/a60b664f-bb07-4dd1-8dfa-134a0827f8da',
};

/** With the ESCO taxonomy imported into the schema (once for this file). */
describe('gaps per district and ESCO skill group, in words people can read', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let providerId: string;

  beforeAll(async () => {
    h = await startMatching('matchgapgroups', { taxonomy: true });
    feed = new Feed(h);
    providerId = await feed.provider();
  }, 180_000);
  afterAll(() => h?.close());

  const inDistrict = (type: string) => h.capture.ofType(type).map((e) => e.data as GapSnapshotV1).filter((gap) => gap.districtKey === '06635');

  it('neighbouring skills of two companies make one gap, named by district and group; an offer closes it', async () => {
    const [a, b] = [await feed.company(), await feed.company()];
    // The text would also be read as other skills (and their relatives); only the named skill is demand.
    await feed.submitNeed(feed.need(a, { skillUris: [ESCO.forklift], description: 'Drei Lagerhelfer brauchen den Staplerschein.', participants: 3 }));
    await feed.submitNeed(feed.need(b, { skillUris: [ESCO.forkliftInspections], description: 'Zwei Beschäftigte sollen Gabelstapler prüfen lernen.', participants: 2 }));

    const detected = (await eventually(() => inDistrict(GapDetected.type)[0]))!;
    expect(detected).toMatchObject({
      status: 'open',
      districtKey: '06635',
      districtName: 'Waldeck-Frankenberg',
      districtKind: 'Landkreis',
      skillGroup: ESCO.liftingGroup,
      skillGroupLabel: { de: 'Bedienen von Hebe- oder Transportvorrichtungen', en: 'operating lifting or moving equipment' },
    });
    // Both needs are in that one gap (the second joins the open gap without an event).
    const operator = `Bearer ${await h.token('operator', providerId)}`;
    const report = await eventually(async () => {
      const response = await h.http().get('/gaps').query({ district: '06635' }).set('Authorization', operator);
      const items = response.body.items as Array<{ id: string; skillGroup: string; participants: number; companies: number; needs: number; skillLabel: { de?: string } }>;
      return items.length === 1 && items[0]!.participants === 5 ? items : undefined;
    });
    expect(report![0]).toMatchObject({ id: detected.id, skillGroup: ESCO.liftingGroup, companies: 2, needs: 2, skillLabel: { de: 'Bedienen von Hebe- oder Transportvorrichtungen' } });
    // Asked for by one of its skills, the report finds the group's gap.
    const bySkill = await h.http().get('/gaps').query({ skill: ESCO.forkliftInspections }).set('Authorization', operator);
    expect((bySkill.body.items as Array<{ id: string }>).map((gap) => gap.id)).toEqual([detected.id]);

    // A course in Frankenberg teaching both skills serves both needs: the gap closes, naming its skills.
    await feed.publishOffer(feed.offer(providerId, { title: 'Staplerschein mit Prüfung der Geräte', skills: [ESCO.forklift, ESCO.forkliftInspections] }, 'frankenberg'));
    const closed = (await eventually(() => inDistrict(GapClosed.type)[0]))!;
    expect(closed).toMatchObject({ id: detected.id, status: 'closed', districtName: 'Waldeck-Frankenberg', skillGroup: ESCO.liftingGroup, skillUris: [ESCO.forklift, ESCO.forkliftInspections].sort(), needIds: [] });
    // One gap for the group, never one per skill.
    expect(inDistrict(GapDetected.type).map((gap) => gap.id)).toEqual([detected.id]);
  });

  it('a need described in words only opens one gap, however many skills its text is read as', async () => {
    const company = await feed.company();
    // Holzminden: no course in reach. "Lagerhelfer" and "Staplerschein" are read as several skills.
    await feed.submitNeed(feed.need(company, { skillUris: [], description: 'Wir brauchen einen Staplerschein für drei Lagerhelfer.', participants: 3, site: { ...PLACES.holzminden } }));
    const operator = `Bearer ${await h.token('operator', providerId)}`;
    await eventually(() => h.capture.ofType(GapDetected.type).some((e) => (e.data as GapSnapshotV1).districtKey === '03255'));
    const response = await h.http().get('/gaps').query({ district: '03255' }).set('Authorization', operator);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({ participants: 3, companies: 1, needs: 1 });
  });
});
