import { addMember, company, createNetwork, createOrganisation, OPERATOR_ORG, SITES } from './support/fixtures';
import { PartnersHarness, startPartners } from './support/partners-harness';

/**
 * Role × endpoint × own/foreign object. The target is always a company that belongs to network A
 * ("own" for the company user whose token names it); every cell gets a fresh target, so cells
 * that change state do not influence each other.
 */
type Caller = 'operator' | 'coordinatorOfNetwork' | 'coordinatorOfOther' | 'companyOwn' | 'companyForeign' | 'provider' | 'anonymous';
const CALLERS: Caller[] = ['operator', 'coordinatorOfNetwork', 'coordinatorOfOther', 'companyOwn', 'companyForeign', 'provider', 'anonymous'];

interface Target {
  organisationId: string;
  networkId: string;
}

interface Endpoint {
  name: string;
  call: (h: PartnersHarness, target: Target) => { method: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string; body?: object };
  /** Expected status per caller, in CALLERS order. */
  expect: Record<Caller, number>;
}

const row = (...statuses: number[]): Record<Caller, number> => Object.fromEntries(CALLERS.map((caller, index) => [caller, statuses[index]])) as Record<Caller, number>;

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /organisations/:id', call: (_h, t) => ({ method: 'get', path: `/organisations/${t.organisationId}` }), expect: row(200, 200, 404, 200, 404, 404, 401) },
  { name: 'PATCH /organisations/:id', call: (_h, t) => ({ method: 'patch', path: `/organisations/${t.organisationId}`, body: { name: 'Umbenannt GmbH' } }), expect: row(200, 200, 404, 200, 404, 404, 401) },
  { name: 'POST /organisations/:id/verify', call: (_h, t) => ({ method: 'post', path: `/organisations/${t.organisationId}/verify` }), expect: row(200, 200, 404, 403, 403, 403, 401) },
  { name: 'POST /organisations/:id/reject', call: (_h, t) => ({ method: 'post', path: `/organisations/${t.organisationId}/reject`, body: { reason: 'Nachweis fehlt' } }), expect: row(200, 200, 404, 403, 403, 403, 401) },
  { name: 'POST /organisations/:id/deactivate', call: (_h, t) => ({ method: 'post', path: `/organisations/${t.organisationId}/deactivate`, body: { reasonCode: 'requested' } }), expect: row(200, 403, 404, 200, 404, 404, 401) },
  { name: 'GET /organisations/:id/contacts', call: (_h, t) => ({ method: 'get', path: `/organisations/${t.organisationId}/contacts` }), expect: row(200, 200, 404, 200, 404, 404, 401) },
  { name: 'POST /organisations/:id/contacts', call: (_h, t) => ({ method: 'post', path: `/organisations/${t.organisationId}/contacts`, body: { name: 'Erika Muster' } }), expect: row(201, 201, 404, 201, 404, 404, 401) },
  { name: 'POST /organisations', call: () => ({ method: 'post', path: '/organisations', body: company('Neu GmbH', 3) }), expect: row(201, 201, 201, 201, 201, 201, 401) },
  { name: 'GET /networks/:id', call: (_h, t) => ({ method: 'get', path: `/networks/${t.networkId}` }), expect: row(200, 200, 404, 200, 404, 200, 401) },
  { name: 'PATCH /networks/:id', call: (_h, t) => ({ method: 'patch', path: `/networks/${t.networkId}`, body: { description: 'neu' } }), expect: row(200, 200, 404, 403, 403, 403, 401) },
  { name: 'PUT /networks/:id/members/:partnerId', call: (_h, t) => ({ method: 'put', path: `/networks/${t.networkId}/members/${t.organisationId}`, body: { role: 'member' } }), expect: row(200, 200, 404, 403, 403, 403, 401) },
  { name: 'PUT /networks/:id/members/:partnerId as coordinator', call: (_h, t) => ({ method: 'put', path: `/networks/${t.networkId}/members/${t.organisationId}`, body: { role: 'coordinator' } }), expect: row(200, 403, 404, 403, 403, 403, 401) },
  { name: 'DELETE /networks/:id/members/:partnerId', call: (_h, t) => ({ method: 'delete', path: `/networks/${t.networkId}/members/${t.organisationId}` }), expect: row(200, 200, 404, 403, 403, 403, 401) },
  { name: 'POST /networks', call: () => ({ method: 'post', path: '/networks', body: { name: 'Neuer Verbund', districtKeys: ['06635'] } }), expect: row(201, 403, 403, 403, 403, 403, 401) },
];

describe('authorisation matrix', () => {
  let h: PartnersHarness;
  let networkA: string;
  let coordinatorA: string;
  let coordinatorB: string;
  let foreignCompany: string;
  let provider: string;

  beforeAll(async () => {
    h = await startPartners('partnersauthz');
    networkA = await createNetwork(h, 'Verbund A', ['06635', '06634']);
    const networkB = await createNetwork(h, 'Verbund B', ['05762', '03255']);
    coordinatorA = (await createOrganisation(h, { kind: 'economic_development_agency', name: 'Agentur A', sites: [SITES.korbach] })).id;
    coordinatorB = (await createOrganisation(h, { kind: 'coordinating_body', name: 'Koordination B', sites: [SITES.hoexter] })).id;
    foreignCompany = (await createOrganisation(h, company('Fremd GmbH', 30, SITES.holzminden))).id;
    provider = (await createOrganisation(h, { kind: 'provider', name: 'Bildungswerk A', provider: { azavApproved: true }, sites: [SITES.homberg] })).id;
    await addMember(h, networkA, coordinatorA, 'coordinator');
    await addMember(h, networkB, coordinatorB, 'coordinator');
    await addMember(h, networkB, foreignCompany, 'member');
    await addMember(h, networkA, provider, 'member');
  });
  afterAll(() => h?.close());

  async function freshTarget(name = 'Ziel GmbH'): Promise<Target> {
    const { id } = await createOrganisation(h, company(name, 12));
    await addMember(h, networkA, id, 'member');
    return { organisationId: id, networkId: networkA };
  }

  async function tokenFor(caller: Caller, target: Target): Promise<string | undefined> {
    switch (caller) {
      case 'operator': return h.token('operator', OPERATOR_ORG);
      case 'coordinatorOfNetwork': return h.token('coordinator', coordinatorA);
      case 'coordinatorOfOther': return h.token('coordinator', coordinatorB);
      case 'companyOwn': return h.token('company', target.organisationId);
      case 'companyForeign': return h.token('company', foreignCompany);
      case 'provider': return h.token('provider', provider);
      case 'anonymous': return undefined;
    }
  }

  const cells = ENDPOINTS.flatMap((endpoint) => CALLERS.map((caller) => [endpoint.name, caller, endpoint.expect[caller], endpoint] as const));

  it.each(cells)('%s as %s → %i', async (_name, caller, expected, endpoint) => {
    const target = await freshTarget();
    const { method, path, body } = endpoint.call(h, target);
    const token = await tokenFor(caller, target);
    let pending = h.http()[method](path);
    if (token) pending = pending.set('Authorization', `Bearer ${token}`);
    const response = body ? await pending.send(body) : await pending;
    expect({ status: response.status, body: response.status === expected ? undefined : response.body }).toEqual({ status: expected, body: undefined });
    if (expected >= 400) expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.each(CALLERS.filter((caller) => caller !== 'anonymous'))('GET /organisations lists the target only for those who may read it (%s)', async (caller) => {
    const name = `Listenziel ${caller}`;
    const target = await freshTarget(name);
    const token = await tokenFor(caller, target);
    const response = await h.http().get('/organisations').query({ q: name }).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const ids = (response.body.items as Array<{ id: string }>).map((item) => item.id);
    const mayRead = ENDPOINTS[0].expect[caller] === 200;
    expect(ids.includes(target.organisationId)).toBe(mayRead);
  });

  it('answers 401 with a problem for GET /organisations without a token', async () => {
    const response = await h.http().get('/organisations');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/Bearer/);
  });
});
