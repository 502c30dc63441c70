import { forkliftNeed } from './support/needs-fixtures';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { PartnersFeed } from './support/partners-feed';

/** Every malformed, oversized, unauthorised or foreign request gets an RFC 9457 problem, never a 500. */
describe('RFC 9457 problems for bad input', () => {
  let h: NeedsHarness;
  let token: string;

  beforeAll(async () => {
    h = await startNeeds('needsinput', { HTTP_BODY_LIMIT: '64kb' });
    const company = await new PartnersFeed(h).company('Metallbau Korbach GmbH');
    token = await h.token('company', company);
  });
  afterAll(() => h?.close());

  const post = (body: unknown, type = 'application/json') =>
    h.http().post('/needs').set('Authorization', `Bearer ${token}`).set('Content-Type', type).send(typeof body === 'string' ? body : JSON.stringify(body));

  const cases: Array<[string, () => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>, number, string?]> = [
    ['malformed JSON', () => post('{"description": '), 400],
    ['unknown field', () => post(forkliftNeed({ colour: 'blau' })), 400, 'colour'],
    ['missing description', () => post(forkliftNeed({ description: undefined })), 400, 'description'],
    ['participants not a number', () => post(forkliftNeed({ participants: 'zwei' })), 400, 'participants'],
    ['DQR level 9', () => post(forkliftNeed({ dqrLevel: 9 })), 400, 'dqrLevel'],
    ['not an ESCO URI', () => post(forkliftNeed({ skillUris: ['https://example.org/skill'] })), 400, 'skillUris'],
    ['unknown target group', () => post(forkliftNeed({ targetGroups: ['rentner'] })), 400, 'targetGroups'],
    ['date not ISO', () => post(forkliftNeed({ latestEnd: '30.06.2030' })), 400, 'latestEnd'],
    ['unknown postal code', () => post(forkliftNeed({ site: { postalCode: '00000' } })), 422, 'site.postalCode'],
    ['latest end in the past with submit', () => post(forkliftNeed({ earliestStart: '2020-01-01', latestEnd: '2020-02-01', submit: true })), 422, 'latestEnd'],
    ['a site of another company', () => post(forkliftNeed({ site: { siteId: '11111111-1111-4111-8111-111111111111' } })), 422, 'site.siteId'],
    ['body too large', () => post(forkliftNeed({ description: 'x'.repeat(70_000) })), 413],
    ['not JSON', () => post('description=x', 'application/x-www-form-urlencoded'), 415],
    ['no token', () => h.http().post('/needs').send(forkliftNeed()), 401],
    ['provider token', async () => h.http().get('/needs').set('Authorization', `Bearer ${await h.token('provider', '22222222-2222-4222-8222-222222222222')}`), 403],
    ['foreign need id', () => h.http().get('/needs/33333333-3333-4333-8333-333333333333').set('Authorization', `Bearer ${token}`), 404],
    ['need id not a uuid', () => h.http().get('/needs/abc').set('Authorization', `Bearer ${token}`), 400],
    ['tampered cursor', () => h.http().get('/needs?cursor=bm9wZQ').set('Authorization', `Bearer ${token}`), 422, 'cursor'],
    ['limit out of range', () => h.http().get('/needs?limit=1000').set('Authorization', `Bearer ${token}`), 400, 'limit'],
    ['company claim that is no uuid', async () => h.http().post('/needs').set('Authorization', `Bearer ${await h.token('company', 'not-a-uuid')}`).send(forkliftNeed()), 422],
  ];

  for (const [name, call, status, field] of cases) {
    it(`${name} → ${status}`, async () => {
      const response = await call();
      expect(response.status).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
      if (field) expect(JSON.stringify(response.body.errors)).toContain(field);
    });
  }

  it('lists filter by status, district, target group, skill, window and text, with keyset pagination', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const response = await post(forkliftNeed({ description: `CNC-Kurs ${index}`, submit: index % 2 === 0, earliestStart: `2030-0${index + 1}-01`, latestEnd: `2030-0${index + 2}-28` }));
      ids.push(response.body.id as string);
    }
    const list = (query: string) => h.http().get(`/needs?${query}`).set('Authorization', `Bearer ${token}`);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(`q=cnc-kurs&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...(page.body.items as Array<{ id: string }>).map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([...ids].reverse());
    expect((await list('q=cnc-kurs&status=submitted')).body.items).toHaveLength(3);
    expect((await list('q=cnc-kurs&district=06635&targetGroup=employees')).body.items).toHaveLength(5);
    expect((await list('q=cnc-kurs&district=03255')).body.items).toHaveLength(0);
    expect((await list('q=cnc-kurs&from=2030-05-01&to=2030-05-31')).body.items).toHaveLength(2);
    expect((await list(`q=cnc-kurs&skill=${encodeURIComponent('http://data.europa.eu/esco/skill/3f0b2b4e-5f0f-4f55-9d4a-6c0f2f8c9a11')}`)).body.items).toHaveLength(5);
  });
});
