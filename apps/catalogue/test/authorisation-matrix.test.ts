import { OPERATOR_ORG, createOffer, offerBody, publishedOffer, verifiedProvider } from './support/fixtures';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';

/**
 * Role × endpoint × own/foreign object. The target is an offer of provider A ("own" for A's
 * users); every cell gets a fresh target, so cells that change state do not influence each other.
 */
type Caller = 'operator' | 'providerOwn' | 'providerForeign' | 'company' | 'coordinator' | 'anonymous';
const CALLERS: Caller[] = ['operator', 'providerOwn', 'providerForeign', 'company', 'coordinator', 'anonymous'];

interface Target {
  offerId: string;
  dateId: string;
  providerId: string;
}

interface Endpoint {
  name: string;
  /** Published or draft target (drafts are invisible to outsiders: 404). */
  target: 'published' | 'draft';
  call: (t: Target) => { method: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string; body?: object };
  expect: Record<Caller, number>;
}

const row = (...statuses: number[]): Record<Caller, number> => Object.fromEntries(CALLERS.map((caller, index) => [caller, statuses[index]])) as Record<Caller, number>;
const date = { startDate: '2030-05-04', endDate: '2030-05-06', schedule: 'weekend', online: true, minParticipants: 0, maxParticipants: 20 };

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /offers/:id (published)', target: 'published', call: (t) => ({ method: 'get', path: `/offers/${t.offerId}` }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'GET /offers/:id (draft)', target: 'draft', call: (t) => ({ method: 'get', path: `/offers/${t.offerId}` }), expect: row(200, 200, 404, 404, 404, 404) },
  { name: 'GET /offers/:id/jsonld (draft)', target: 'draft', call: (t) => ({ method: 'get', path: `/offers/${t.offerId}/jsonld` }), expect: row(200, 200, 404, 404, 404, 404) },
  { name: 'PATCH /offers/:id (published)', target: 'published', call: (t) => ({ method: 'patch', path: `/offers/${t.offerId}`, body: { priceCents: 1000 } }), expect: row(200, 200, 403, 403, 403, 401) },
  { name: 'PATCH /offers/:id (draft)', target: 'draft', call: (t) => ({ method: 'patch', path: `/offers/${t.offerId}`, body: { priceCents: 1000 } }), expect: row(200, 200, 404, 404, 404, 401) },
  { name: 'POST /offers/:id/publish', target: 'draft', call: (t) => ({ method: 'post', path: `/offers/${t.offerId}/publish` }), expect: row(403, 200, 404, 404, 404, 401) },
  { name: 'POST /offers/:id/withdraw', target: 'published', call: (t) => ({ method: 'post', path: `/offers/${t.offerId}/withdraw`, body: {} }), expect: row(200, 200, 403, 403, 403, 401) },
  { name: 'POST /offers/:id/archive', target: 'published', call: (t) => ({ method: 'post', path: `/offers/${t.offerId}/archive` }), expect: row(200, 200, 403, 403, 403, 401) },
  { name: 'POST /offers/:id/dates', target: 'published', call: (t) => ({ method: 'post', path: `/offers/${t.offerId}/dates`, body: date }), expect: row(201, 201, 403, 403, 403, 401) },
  { name: 'PATCH /offers/:id/dates/:dateId', target: 'published', call: (t) => ({ method: 'patch', path: `/offers/${t.offerId}/dates/${t.dateId}`, body: { seatsTaken: 1 } }), expect: row(200, 200, 403, 403, 403, 401) },
  { name: 'DELETE /offers/:id/dates/:dateId', target: 'published', call: (t) => ({ method: 'delete', path: `/offers/${t.offerId}/dates/${t.dateId}` }), expect: row(200, 200, 403, 403, 403, 401) },
  { name: 'POST /offers', target: 'draft', call: (t) => ({ method: 'post', path: '/offers', body: { ...offerBody(), providerId: t.providerId } }), expect: row(201, 201, 403, 403, 403, 401) },
  { name: 'GET /offers', target: 'draft', call: () => ({ method: 'get', path: '/offers' }), expect: row(200, 200, 200, 403, 403, 401) },
  { name: 'GET /search', target: 'published', call: () => ({ method: 'get', path: '/search?q=stapler' }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'GET /programmes', target: 'draft', call: () => ({ method: 'get', path: '/programmes' }), expect: row(200, 200, 200, 200, 200, 200) },
  { name: 'PUT /programmes/:id', target: 'draft', call: () => ({ method: 'put', path: '/programmes/bildungsurlaub', body: { programme: {}, status: 'active' } }), expect: row(422, 403, 403, 403, 403, 401) },
  { name: 'POST /programmes', target: 'draft', call: () => ({ method: 'post', path: '/programmes', body: { programme: {} } }), expect: row(422, 403, 403, 403, 403, 401) },
  {
    name: 'POST /funding/evaluate',
    target: 'published',
    call: (t) => ({ method: 'post', path: '/funding/evaluate', body: { company: { headCount: 20 }, participants: [{ count: 1 }], courseDateId: t.dateId } }),
    expect: row(200, 200, 200, 200, 200, 401),
  },
  { name: 'GET /skills', target: 'draft', call: () => ({ method: 'get', path: '/skills?q=stapler' }), expect: row(200, 200, 200, 200, 200, 200) },
];

describe('authorisation matrix', () => {
  let h: CatalogueHarness;
  let providerA: string;
  let providerB: string;

  beforeAll(async () => {
    h = await startCatalogue('catauthz');
    providerA = await verifiedProvider(h, 'Träger A');
    providerB = await verifiedProvider(h, 'Träger B');
  });
  afterAll(() => h?.close());

  async function freshTarget(kind: 'published' | 'draft'): Promise<Target> {
    const offer = kind === 'published' ? await publishedOffer(h, providerA) : await createOffer(h, await h.token('provider', providerA));
    return { offerId: offer.id, dateId: offer.dates[0].id, providerId: providerA };
  }

  async function tokenFor(caller: Caller): Promise<string | undefined> {
    switch (caller) {
      case 'operator': return h.token('operator', OPERATOR_ORG);
      case 'providerOwn': return h.token('provider', providerA);
      case 'providerForeign': return h.token('provider', providerB);
      case 'company': return h.token('company', '22222222-2222-4222-8222-222222222222');
      case 'coordinator': return h.token('coordinator', '33333333-3333-4333-8333-333333333333');
      case 'anonymous': return undefined;
    }
  }

  const cells = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.name, caller, endpoint.expect[caller], endpoint] as const));

  it.each(cells)('%s as %s → %i', async (_name, caller, expected, endpoint) => {
    const target = await freshTarget(endpoint.target);
    const { method, path, body } = endpoint.call(target);
    const token = await tokenFor(caller);
    let pending = h.http()[method](path);
    if (token) pending = pending.set('Authorization', `Bearer ${token}`);
    const response = body ? await pending.send(body) : await pending;
    expect({ status: response.status, body: response.status === expected ? undefined : response.body }).toEqual({ status: expected, body: undefined });
    if (expected >= 400) expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('lists only own offers for a provider, all for operators', async () => {
    const own = await freshTarget('draft');
    const foreign = await h.http().get('/offers').set('Authorization', `Bearer ${await h.token('provider', providerB)}`);
    expect(foreign.body.items.map((item: { id: string }) => item.id)).not.toContain(own.offerId);
    const operator = await h.http().get(`/offers?providerId=${providerA}&limit=200`).set('Authorization', `Bearer ${await h.token('operator', OPERATOR_ORG)}`);
    expect(operator.body.items.map((item: { id: string }) => item.id)).toContain(own.offerId);
    const sneaky = await h.http().get(`/offers?providerId=${providerA}`).set('Authorization', `Bearer ${await h.token('provider', providerB)}`);
    expect(sneaky.status).toBe(403);
  });
});
