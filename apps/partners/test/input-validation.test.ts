import { Role } from '@bildungsraum/platform';
import { addMember, company, createNetwork, createOrganisation, OPERATOR_ORG, SITES } from './support/fixtures';
import { PartnersHarness, startPartners } from './support/partners-harness';

interface Ids {
  organisation: string;
  network: string;
}

interface BodyEndpoint {
  name: string;
  method: 'post' | 'patch' | 'put';
  path: (ids: Ids) => string;
  valid: object;
  /** A body with wrong values and the fields the problem must name. */
  invalid: { body: object; fields: string[] };
  /** Role used for the foreign-object probe (must pass the role check); undefined: no object. */
  foreignRole?: Role;
}

const ENDPOINTS: BodyEndpoint[] = [
  {
    name: 'POST /organisations',
    method: 'post',
    path: () => '/organisations',
    valid: company('Gültig GmbH'),
    invalid: { body: { kind: 'castle', name: '', company: { employees: -1 }, sites: [{ label: 'x', postalCode: '123', city: 'y' }] }, fields: ['kind', 'name', 'company.employees', 'sites.0.postalCode'] },
  },
  {
    name: 'PATCH /organisations/:id',
    method: 'patch',
    path: (ids) => `/organisations/${ids.organisation}`,
    valid: { name: 'Neu GmbH' },
    invalid: { body: { name: 42, provider: { azavApproved: 'ja' } }, fields: ['name', 'provider.azavApproved'] },
    foreignRole: 'company',
  },
  {
    name: 'POST /organisations/:id/reject',
    method: 'post',
    path: (ids) => `/organisations/${ids.organisation}/reject`,
    valid: { reason: 'Nachweis fehlt' },
    invalid: { body: { reason: '' }, fields: ['reason'] },
    foreignRole: 'coordinator',
  },
  {
    name: 'POST /organisations/:id/deactivate',
    method: 'post',
    path: (ids) => `/organisations/${ids.organisation}/deactivate`,
    valid: { reasonCode: 'requested' },
    invalid: { body: { reasonCode: 'bored' }, fields: ['reasonCode'] },
    foreignRole: 'company',
  },
  {
    name: 'POST /organisations/:id/contacts',
    method: 'post',
    path: (ids) => `/organisations/${ids.organisation}/contacts`,
    valid: { name: 'Erika Muster' },
    invalid: { body: { name: 'Erika', email: 'not-an-email', phone: 'call me' }, fields: ['email', 'phone'] },
    foreignRole: 'company',
  },
  {
    name: 'POST /networks',
    method: 'post',
    path: () => '/networks',
    valid: { name: 'Verbund', districtKeys: ['06635'] },
    invalid: { body: { name: 'Verbund', districtKeys: ['6635', 'abcde'] }, fields: ['districtKeys'] },
  },
  {
    name: 'PATCH /networks/:id',
    method: 'patch',
    path: (ids) => `/networks/${ids.network}`,
    valid: { description: 'Nordhessen' },
    invalid: { body: { districtKeys: [] }, fields: ['districtKeys'] },
    foreignRole: 'coordinator',
  },
  {
    name: 'PUT /networks/:id/members/:partnerId',
    method: 'put',
    path: (ids) => `/networks/${ids.network}/members/${ids.organisation}`,
    valid: { role: 'member' },
    invalid: { body: { role: 'boss' }, fields: ['role'] },
    foreignRole: 'coordinator',
  },
];

describe('input validation and problem responses', () => {
  let h: PartnersHarness;
  let ids: Ids;
  let operator: string;
  let outsider: string;

  beforeAll(async () => {
    h = await startPartners('partnersinput');
    operator = await h.token('operator', OPERATOR_ORG);
    const network = await createNetwork(h, 'Verbund Eingabe', ['06635']);
    const organisation = (await createOrganisation(h, company('Eingabe GmbH'))).id;
    await addMember(h, network, organisation, 'member');
    ids = { organisation, network };
    outsider = (await createOrganisation(h, { kind: 'coordinating_body', name: 'Außen', sites: [SITES.hoexter] })).id;
  });
  afterAll(() => h?.close());

  const send = (endpoint: BodyEndpoint, token: string | undefined) => {
    let pending = h.http()[endpoint.method](endpoint.path(ids));
    if (token) pending = pending.set('Authorization', `Bearer ${token}`);
    return pending;
  };

  const expectProblem = (response: { status: number; headers: Record<string, string>; body: { status?: number; type?: string } }, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, type: expect.any(String) });
  };

  describe.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))('%s', (_name, endpoint) => {
    it('answers malformed JSON with 400', async () => {
      const response = await send(endpoint, operator).set('Content-Type', 'application/json').send('{"name": ');
      expectProblem(response, 400);
    });

    it('answers an oversized body with 413', async () => {
      const response = await send(endpoint, operator).send({ ...endpoint.valid, padding: 'x'.repeat(70 * 1024) });
      expectProblem(response, 413);
    });

    it('answers an unknown field with 400 naming it', async () => {
      const response = await send(endpoint, operator).send({ ...endpoint.valid, isAdmin: true });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('isAdmin');
    });

    it('answers invalid values with 400 and one error per field', async () => {
      const response = await send(endpoint, operator).send(endpoint.invalid.body);
      expectProblem(response, 400);
      const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field);
      for (const field of endpoint.invalid.fields) expect(fields).toContain(field);
    });

    it('answers a missing or forged token with 401', async () => {
      expectProblem(await send(endpoint, undefined).send(endpoint.valid), 401);
      expectProblem(await send(endpoint, 'not.a.token').send(endpoint.valid), 401);
    });

    if (endpoint.foreignRole) {
      it('answers a foreign object with 404', async () => {
        const token = await h.token(endpoint.foreignRole as Role, outsider);
        expectProblem(await send(endpoint, token).send(endpoint.valid), 404);
      });
    }
  });

  it('answers a non-UUID id and bad query parameters with 400, an unknown id with 404', async () => {
    const auth = { Authorization: `Bearer ${operator}` };
    expectProblem(await h.http().get('/organisations/not-a-uuid').set(auth), 400);
    expectProblem(await h.http().get('/organisations/6f1c0a52-3f5e-4d7b-9d1a-2b3c4d5e6f70').set(auth), 404);
    expectProblem(await h.http().get('/networks/6f1c0a52-3f5e-4d7b-9d1a-2b3c4d5e6f70').set(auth), 404);
    const query = await h.http().get('/organisations').query({ limit: 0, district: '123', kind: 'castle' }).set(auth);
    expectProblem(query, 400);
    expect(query.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['district', 'kind', 'limit']);
  });

  it('answers a non-JSON body with 415', async () => {
    const response = await h.http().post('/organisations').set('Authorization', `Bearer ${operator}`).set('Content-Type', 'text/plain').send('hallo');
    expectProblem(response, 415);
  });
});
