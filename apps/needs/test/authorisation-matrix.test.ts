import { createNeed, forkliftNeed } from './support/needs-fixtures';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { OPERATOR_ORG, PartnersFeed } from './support/partners-feed';

/**
 * Role × endpoint × own/foreign object. The target is a company in network A; every cell gets a
 * fresh need, so cells that change state do not influence each other. Providers see no needs
 * here at all (403 by role); foreign objects answer 404 so their existence does not leak.
 */
type Caller = 'operator' | 'coordinatorOfNetwork' | 'coordinatorOfOther' | 'companyOwn' | 'companyForeign' | 'provider' | 'anonymous';
const CALLERS: Caller[] = ['operator', 'coordinatorOfNetwork', 'coordinatorOfOther', 'companyOwn', 'companyForeign', 'provider', 'anonymous'];
const row = (...statuses: number[]): Record<Caller, number> => Object.fromEntries(CALLERS.map((caller, index) => [caller, statuses[index]])) as Record<Caller, number>;

interface Target {
  companyId: string;
  networkId: string;
  needId: string;
  importId: string;
}

interface Endpoint {
  name: string;
  call: (t: Target) => { method: 'get' | 'post' | 'patch' | 'delete'; path: string; body?: object };
  expect: Record<Caller, number>;
  /** For lists: whether the target's need is in the page, per caller (when 200). */
  sees?: Record<Caller, boolean>;
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /needs/:id', call: (t) => ({ method: 'get', path: `/needs/${t.needId}` }), expect: row(200, 200, 404, 200, 404, 403, 401) },
  { name: 'PATCH /needs/:id', call: (t) => ({ method: 'patch', path: `/needs/${t.needId}`, body: { participants: 3 } }), expect: row(200, 200, 404, 200, 404, 403, 401) },
  { name: 'POST /needs/:id/submit', call: (t) => ({ method: 'post', path: `/needs/${t.needId}/submit` }), expect: row(200, 200, 404, 200, 404, 403, 401) },
  { name: 'POST /needs/:id/withdraw', call: (t) => ({ method: 'post', path: `/needs/${t.needId}/withdraw`, body: {} }), expect: row(200, 200, 404, 200, 404, 403, 401) },
  { name: 'DELETE /needs/:id', call: (t) => ({ method: 'delete', path: `/needs/${t.needId}` }), expect: row(204, 204, 404, 204, 404, 403, 401) },
  { name: 'POST /needs for the company', call: (t) => ({ method: 'post', path: '/needs', body: forkliftNeed({ companyId: t.companyId }) }), expect: row(201, 201, 404, 201, 404, 403, 401) },
  {
    name: 'GET /needs?company=…',
    call: (t) => ({ method: 'get', path: `/needs?company=${t.companyId}` }),
    expect: row(200, 200, 200, 200, 200, 403, 401),
    sees: { operator: true, coordinatorOfNetwork: true, coordinatorOfOther: false, companyOwn: true, companyForeign: false, provider: false, anonymous: false },
  },
  {
    name: 'GET /networks/:id/needs',
    call: (t) => ({ method: 'get', path: `/networks/${t.networkId}/needs` }),
    expect: row(200, 200, 404, 403, 403, 403, 401),
    sees: { operator: true, coordinatorOfNetwork: true, coordinatorOfOther: false, companyOwn: false, companyForeign: false, provider: false, anonymous: false },
  },
  { name: 'GET /need-imports/:id (coordinator A’s upload)', call: (t) => ({ method: 'get', path: `/need-imports/${t.importId}` }), expect: row(200, 200, 404, 404, 404, 403, 401) },
];

describe('authorisation matrix', () => {
  let h: NeedsHarness;
  let feed: PartnersFeed;
  let networkA: string;
  let coordinatorA: string;
  let coordinatorB: string;
  let foreignCompany: string;
  let provider: string;
  let importId: string;

  beforeAll(async () => {
    h = await startNeeds('needsauthz');
    feed = new PartnersFeed(h);
    coordinatorA = await feed.organisation('Agentur A', 'economic_development_agency');
    coordinatorB = await feed.organisation('Koordination B', 'coordinating_body');
    provider = await feed.organisation('Bildungswerk A', 'provider');
    networkA = await feed.network('Verbund A', [{ partnerId: coordinatorA, role: 'coordinator' }, { partnerId: provider, role: 'member' }]);
    foreignCompany = await feed.company('Fremd GmbH', { place: 'holzminden' });
    await feed.network('Verbund B', [{ partnerId: coordinatorB, role: 'coordinator' }, { partnerId: foreignCompany, role: 'member' }]);
    const upload = await h
      .http()
      .post('/need-imports')
      .set('Authorization', `Bearer ${await h.token('coordinator', coordinatorA)}`)
      .send({ content: 'Unternehmen;Bedarf;Teilnehmende\nGibt es nicht GmbH;Staplerschein;2\n' });
    importId = upload.body.id;
  });
  afterAll(() => h?.close());

  async function freshTarget(): Promise<Target> {
    const companyId = await feed.company('Ziel GmbH');
    await feed.addMember(networkA, companyId, 'member');
    const need = await createNeed(h, await h.token('operator', OPERATOR_ORG), forkliftNeed({ companyId }));
    return { companyId, networkId: networkA, needId: need.id, importId };
  }

  async function tokenFor(caller: Caller, target: Target): Promise<string | undefined> {
    switch (caller) {
      case 'operator': return h.token('operator', OPERATOR_ORG);
      case 'coordinatorOfNetwork': return h.token('coordinator', coordinatorA);
      case 'coordinatorOfOther': return h.token('coordinator', coordinatorB);
      case 'companyOwn': return h.token('company', target.companyId);
      case 'companyForeign': return h.token('company', foreignCompany);
      case 'provider': return h.token('provider', provider);
      case 'anonymous': return undefined;
    }
  }

  for (const endpoint of ENDPOINTS) {
    it(endpoint.name, async () => {
      const outcomes: Record<string, number | string> = {};
      const expected: Record<string, number | string> = {};
      for (const caller of CALLERS) {
        const target = await freshTarget();
        const { method, path, body } = endpoint.call(target);
        const token = await tokenFor(caller, target);
        let call = h.http()[method](path);
        if (token) call = call.set('Authorization', `Bearer ${token}`);
        const response = body ? await call.send(body) : await call;
        const sees = endpoint.sees && response.status === 200 ? ` sees=${(response.body.items as Array<{ id: string }>).some((item) => item.id === target.needId)}` : '';
        outcomes[caller] = `${response.status}${sees}`;
        expected[caller] = `${endpoint.expect[caller]}${endpoint.sees && endpoint.expect[caller] === 200 ? ` sees=${endpoint.sees[caller]}` : ''}`;
        if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }
      expect(outcomes).toEqual(expected);
    });
  }
});
