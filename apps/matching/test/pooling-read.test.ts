import { randomUUID } from 'node:crypto';
import { BundleFormed, BundleSnapshotV1, GapDetected, GapSnapshotV1, NeedSnapshotV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { Feed, freshSkills, PLACES } from './support/feed';
import { MatchingHarness, startMatching } from './support/matching-harness';

/**
 * The read side of pooling over HTTP: the gap report (JSON, CSV) for coordinators and operators,
 * bundles for coordinators and operators, and the provider's view of gaps and bundles with
 * company names only where the company agreed.
 */
describe('gap report, bundles and the provider view over HTTP', () => {
  let h: MatchingHarness;
  let feed: Feed;
  let coordinatorNorth: string; // coordinates a network over Waldeck-Frankenberg (06635), with companyNamed in it
  let coordinatorSouth: string; // coordinates a network over Holzminden (03255)
  let companyNamed: string; // agreed to be named
  let companyAnonymous: string;
  let providerId: string; // sites in 06635
  let farProviderId: string; // sites in 03255
  let gapKorbach: GapSnapshotV1;
  let gapHolzminden: GapSnapshotV1;
  let bundle: BundleSnapshotV1;
  let namedNeed: NeedSnapshotV1;
  let anonymousNeed: NeedSnapshotV1;
  let gapSkills: string[];

  const as = async (role: 'company' | 'provider' | 'coordinator' | 'operator', partnerId: string) => `Bearer ${await h.token(role, partnerId)}`;
  const operator = () => as('operator', randomUUID());
  const consent = (agreed: boolean) => ({ id: '', employees: 30, sizeClass: 'small' as const, districtKey: '06635', nameVisibleToProviders: agreed });

  beforeAll(async () => {
    h = await startMatching('matchread');
    feed = new Feed(h);
    coordinatorNorth = await feed.provider({ azav: false });
    coordinatorSouth = await feed.provider({ azav: false });
    const north = await feed.network(coordinatorNorth, ['06635']);
    await feed.network(coordinatorSouth, ['03255']);
    companyNamed = await feed.company({ networkIds: [north] });
    companyAnonymous = await feed.company();
    providerId = await feed.provider();
    farProviderId = randomUUID();
    await feed.partner({ id: farProviderId, version: 0, kind: 'provider', name: 'Weserbildung', status: 'verified', provider: { azavApproved: true }, sites: [], districtKeys: ['03255'], networkIds: [] });

    // A bundle: two companies' needs on one course date with a minimum of 6.
    const bundleSkills = freshSkills(1);
    const offer = feed.offer(providerId, { skills: bundleSkills, title: 'Schweißen MAG' }, 'korbach');
    await feed.publishOffer(offer);
    namedNeed = await feed.submitNeed(feed.need(companyNamed, { skillUris: bundleSkills, participants: 2, company: { ...consent(true), id: companyNamed } }));
    anonymousNeed = await feed.submitNeed(feed.need(companyAnonymous, { skillUris: bundleSkills, participants: 3, company: { ...consent(false), id: companyAnonymous } }));
    bundle = (await eventually(() => h.capture.ofType(BundleFormed.type).map((e) => e.data as BundleSnapshotV1).find((b) => b.courseDateId === offer.dates[0]!.id)))!;

    // Two gaps: demand in Korbach (06635) and in Holzminden (03255) with no offer at all.
    gapSkills = freshSkills(2);
    await feed.submitNeed(feed.need(companyNamed, { skillUris: [gapSkills[0]!], participants: 4, targetGroups: ['older_employees'], participantsByTargetGroup: [{ targetGroup: 'older_employees', count: 4 }] }));
    await feed.submitNeed(feed.need(companyAnonymous, { skillUris: [gapSkills[0]!], participants: 1 }));
    await feed.submitNeed(feed.need(companyAnonymous, { skillUris: [gapSkills[1]!], participants: 3, site: { ...PLACES.holzminden } }));
    const detected = (skill: string) => eventually(() => h.capture.ofType(GapDetected.type).map((e) => e.data as GapSnapshotV1).find((g) => g.skillGroup === skill));
    gapKorbach = (await detected(gapSkills[0]!))!;
    gapHolzminden = (await detected(gapSkills[1]!))!;
    // The second Korbach need joins the open gap without an event: wait until both are in the report.
    await eventually(async () => {
      const response = await h.http().get(`/gaps/${gapKorbach.id}`).set('Authorization', await operator());
      return response.body.needs === 2;
    });
  });
  afterAll(() => h?.close());

  describe('GET /gaps', () => {
    it('shows an operator every gap with its demand per district and skill group', async () => {
      const response = await h.http().get('/gaps').set('Authorization', await operator());
      expect(response.status).toBe(200);
      const byId = new Map((response.body.items as Array<{ id: string }>).map((gap) => [gap.id, gap]));
      expect(byId.get(gapKorbach.id)).toMatchObject({ status: 'open', districtKey: '06635', districtName: 'Landkreis Waldeck-Frankenberg', skillGroup: gapSkills[0], participants: 5, companies: 2, needs: 2, targetGroups: ['employees', 'older_employees'] });
      expect(byId.get(gapHolzminden.id)).toMatchObject({ status: 'open', districtKey: '03255', participants: 3, companies: 1, needs: 1 });
      // Ordered by district, then skill group.
      const keys = (response.body.items as Array<{ districtKey: string; skillGroup: string }>).map((gap) => `${gap.districtKey}|${gap.skillGroup}`);
      expect(keys).toEqual([...keys].sort());
    });

    it('filters by district, skill, target group and status', async () => {
      const auth = await operator();
      const ids = async (query: Record<string, string>) => ((await h.http().get('/gaps').query(query).set('Authorization', auth)).body.items as Array<{ id: string }>).map((gap) => gap.id);
      expect(await ids({ district: '03255' })).toEqual([gapHolzminden.id]);
      expect(await ids({ skill: gapSkills[0]! })).toEqual([gapKorbach.id]);
      expect(await ids({ targetGroup: 'older_employees' })).toEqual([gapKorbach.id]);
      expect(await ids({ status: 'closed' })).not.toContain(gapKorbach.id);
      expect(await ids({ status: 'open', district: '06635' })).toContain(gapKorbach.id);
    });

    it('pages with an opaque keyset cursor', async () => {
      const auth = await operator();
      const all = (await h.http().get('/gaps').set('Authorization', auth)).body.items as Array<{ id: string }>;
      expect(all.length).toBeGreaterThanOrEqual(2);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await h.http().get('/gaps').query({ limit: 1, ...(cursor ? { cursor } : {}) }).set('Authorization', auth);
        expect(page.status).toBe(200);
        expect(page.body.items).toHaveLength(1);
        seen.push(page.body.items[0].id);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((gap) => gap.id));
    });

    it('shows a coordinator the gaps in its networks’ districts only; another network’s gap is 404', async () => {
      const north = await as('coordinator', coordinatorNorth);
      const list = await h.http().get('/gaps').set('Authorization', north);
      expect(list.status).toBe(200);
      expect(list.body.items.map((gap: { districtKey: string }) => gap.districtKey)).not.toContain('03255');
      expect(list.body.items.map((gap: { id: string }) => gap.id)).toContain(gapKorbach.id);
      expect((await h.http().get(`/gaps/${gapKorbach.id}`).set('Authorization', north)).status).toBe(200);
      const foreign = await h.http().get(`/gaps/${gapHolzminden.id}`).set('Authorization', north);
      expect(foreign.status).toBe(404);
      expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
      const south = await h.http().get('/gaps').set('Authorization', await as('coordinator', coordinatorSouth));
      expect(south.body.items.map((gap: { id: string }) => gap.id)).toEqual([gapHolzminden.id]);
      // A coordinator of no network sees nothing (not everything).
      const none = await h.http().get('/gaps').set('Authorization', await as('coordinator', randomUUID()));
      expect(none.body.items).toEqual([]);
    });

    it('refuses malformed filters, cursors and ids as problems', async () => {
      const auth = await operator();
      const expectProblem = async (path: string, query: Record<string, string>, status: number, field?: string) => {
        const response = await h.http().get(path).query(query).set('Authorization', auth);
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        if (field) expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      };
      await expectProblem('/gaps', { district: '6635' }, 400, 'district');
      await expectProblem('/gaps', { status: 'maybe' }, 400, 'status');
      await expectProblem('/gaps', { targetGroup: 'everyone' }, 400, 'targetGroup');
      await expectProblem('/gaps', { limit: '0' }, 400, 'limit');
      await expectProblem('/gaps', { limit: '201' }, 400, 'limit');
      await expectProblem('/gaps', { skill: 'x'.repeat(301) }, 400, 'skill');
      await expectProblem('/gaps', { unknown: '1' }, 400, 'unknown');
      await expectProblem('/gaps', { cursor: 'not-ours' }, 422, 'cursor');
      await expectProblem('/gaps', { cursor: Buffer.from('["06635"]').toString('base64url') }, 422);
      await expectProblem('/gaps/export.csv', { district: 'x' }, 400, 'district');
      await expectProblem('/gaps/export.csv', { limit: '5' }, 400, 'limit');
      await expectProblem('/gaps/not-a-uuid', {}, 400);
      await expectProblem(`/gaps/${randomUUID()}`, {}, 404);
    });

    it('is for operators and coordinators: no token 401, company and provider 403', async () => {
      for (const path of ['/gaps', '/gaps/export.csv', `/gaps/${gapKorbach.id}`]) {
        const anonymous = await h.http().get(path);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect((await h.http().get(path).set('Authorization', await as('company', companyNamed))).status).toBe(403);
        expect((await h.http().get(path).set('Authorization', await as('provider', providerId))).status).toBe(403);
      }
    });
  });

  describe('CSV export', () => {
    it('export.csv: UTF-8 with BOM, semicolons, German headers, the caller’s gaps with the filters applied', async () => {
      const response = await h.http().get('/gaps/export.csv').query({ district: '06635' }).set('Authorization', await operator()).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toContain('angebotsluecken.csv');
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe('Landkreis (AGS);Landkreis;Fähigkeitsgruppe (ESCO);Fähigkeit;Zielgruppen;Teilnehmende;Unternehmen;Bedarfe;Status;Geändert am');
      const korbach = lines.find((line) => line.includes(gapSkills[0]!));
      expect(korbach).toMatch(new RegExp(`^06635;Landkreis Waldeck-Frankenberg;${gapSkills[0]!.replace(/[.]/g, '\\.')};;Beschäftigte, Ältere Beschäftigte;5;2;2;offen;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
      expect(lines.some((line) => line.startsWith('03255;'))).toBe(false);
    });

    it('GET /gaps with Accept: text/csv gives the same CSV; a coordinator exports only its districts', async () => {
      const response = await h.http().get('/gaps').set('Accept', 'text/csv').set('Authorization', await as('coordinator', coordinatorSouth));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = response.text.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^03255;.*;3;1;1;offen;/);
    });
  });

  describe('GET /provider/gaps', () => {
    it('shows a provider the open gaps of its region only, counts without companies', async () => {
      const near = await h.http().get('/provider/gaps').set('Authorization', await as('provider', providerId));
      expect(near.status).toBe(200);
      expect(near.body.items.map((gap: { id: string }) => gap.id)).toContain(gapKorbach.id);
      expect(near.body.items.map((gap: { districtKey: string }) => gap.districtKey)).not.toContain('03255');
      const far = await h.http().get('/provider/gaps').set('Authorization', await as('provider', farProviderId));
      expect(far.body.items.map((gap: { id: string }) => gap.id)).toEqual([gapHolzminden.id]);
      expect(Object.keys(far.body.items[0]).sort()).toEqual(['companies', 'districtKey', 'districtName', 'id', 'needs', 'participants', 'skillGroup', 'skillLabel', 'status', 'targetGroups', 'updatedAt', 'version']);
    });

    it('is for providers only; malformed filters are problems', async () => {
      expect((await h.http().get('/provider/gaps')).status).toBe(401);
      expect((await h.http().get('/provider/gaps').set('Authorization', await as('coordinator', coordinatorNorth))).status).toBe(403);
      expect((await h.http().get('/provider/gaps').set('Authorization', await as('company', companyNamed))).status).toBe(403);
      expect((await h.http().get('/provider/gaps').query({ district: 'Korbach' }).set('Authorization', await as('provider', providerId))).status).toBe(400);
      expect((await h.http().get('/provider/gaps').query({ cursor: 'x' }).set('Authorization', await as('provider', providerId))).status).toBe(422);
    });
  });

  describe('bundles', () => {
    type Member = { disclosure: string; needId?: string; companyId?: string; companyName?: string; participants: number; districtKey: string };
    const memberOf = (members: Member[], participants: number) => members.find((member) => member.participants === participants)!;

    it('an operator sees the bundle in full: course date, totals, needs and companies', async () => {
      const response = await h.http().get(`/bundles/${bundle.id}`).set('Authorization', await operator());
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: bundle.id, status: 'forming', offerTitle: 'Schweißen MAG', providerId, minParticipants: 6, totalParticipants: 5, missingParticipants: 1, companies: 2, districtKeys: ['06635'] });
      expect(response.body.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(memberOf(response.body.members, 3)).toEqual({ disclosure: 'full', needId: anonymousNeed.id, companyId: companyAnonymous, companyName: expect.stringMatching(/^Betrieb /), participants: 3, districtKey: '06635' });
      const list = await h.http().get('/bundles').set('Authorization', await operator());
      expect(list.body.items.map((b: { id: string }) => b.id)).toContain(bundle.id);
    });

    it('a coordinator sees its network’s company in full and another company only anonymously', async () => {
      const response = await h.http().get(`/bundles/${bundle.id}`).set('Authorization', await as('coordinator', coordinatorNorth));
      expect(response.status).toBe(200);
      expect(memberOf(response.body.members, 2)).toMatchObject({ disclosure: 'full', needId: namedNeed.id, companyId: companyNamed });
      expect(memberOf(response.body.members, 3)).toEqual({ disclosure: 'anonymous', participants: 3, districtKey: '06635' });
    });

    it('another network’s coordinator does not see it (404, not in the list)', async () => {
      const south = await as('coordinator', coordinatorSouth);
      const response = await h.http().get(`/bundles/${bundle.id}`).set('Authorization', south);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await h.http().get('/bundles').set('Authorization', south)).body.items).toEqual([]);
    });

    it('the provider of the course date sees a company’s name only where it agreed, never the needs', async () => {
      const auth = await as('provider', providerId);
      const list = await h.http().get('/provider/bundles').set('Authorization', auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([bundle.id]);
      const members = list.body.items[0].members as Member[];
      expect(memberOf(members, 2)).toEqual({ disclosure: 'named', companyId: companyNamed, companyName: expect.stringMatching(/^Betrieb /), participants: 2, districtKey: '06635' });
      expect(memberOf(members, 3)).toEqual({ disclosure: 'anonymous', participants: 3, districtKey: '06635' });
      expect(JSON.stringify(list.body)).not.toContain(anonymousNeed.id);
      expect(JSON.stringify(list.body)).not.toContain(companyAnonymous);
      expect((await h.http().get(`/provider/bundles/${bundle.id}`).set('Authorization', auth)).body.members).toEqual(members);
    });

    it('another provider’s bundle is 404 and not listed', async () => {
      const other = await as('provider', farProviderId);
      expect((await h.http().get(`/provider/bundles/${bundle.id}`).set('Authorization', other)).status).toBe(404);
      expect((await h.http().get('/provider/bundles').set('Authorization', other)).body.items).toEqual([]);
    });

    it('filters, pages and refuses bad input and wrong roles', async () => {
      const auth = await operator();
      const ids = async (query: Record<string, string>) => ((await h.http().get('/bundles').query(query).set('Authorization', auth)).body.items as Array<{ id: string }>).map((b) => b.id);
      expect(await ids({ status: 'forming', district: '06635', skill: bundle.skillUris[0]!, offer: bundle.offerId! })).toEqual([bundle.id]);
      expect(await ids({ status: 'viable' })).toEqual([]);
      expect(await ids({ district: '03255' })).toEqual([]);
      const first = await h.http().get('/bundles').query({ limit: 1 }).set('Authorization', auth);
      expect(first.body.items).toHaveLength(1);
      for (const [query, status] of [[{ status: 'done' }, 400], [{ offer: 'x' }, 400], [{ limit: 'many' }, 400], [{ cursor: 'bogus' }, 422], [{ cursor: Buffer.from(JSON.stringify(['1', bundle.id])).toString('base64url') }, 422], [{ extra: '1' }, 400]] as const) {
        const response = await h.http().get('/bundles').query(query).set('Authorization', auth);
        expect(response.status).toBe(status);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect((await h.http().get('/bundles/nope').set('Authorization', auth)).status).toBe(400);
      expect((await h.http().get('/provider/bundles/nope').set('Authorization', await as('provider', providerId))).status).toBe(400);
      expect((await h.http().get('/bundles')).status).toBe(401);
      expect((await h.http().get('/provider/bundles')).status).toBe(401);
      expect((await h.http().get('/bundles').set('Authorization', await as('provider', providerId))).status).toBe(403);
      expect((await h.http().get('/bundles').set('Authorization', await as('company', companyNamed))).status).toBe(403);
      expect((await h.http().get('/provider/bundles').set('Authorization', await as('coordinator', coordinatorNorth))).status).toBe(403);
      expect((await h.http().get(`/bundles/${bundle.id}`).set('Authorization', await as('company', companyNamed))).status).toBe(403);
    });
  });
});
