import { Role } from '@bildungsraum/platform';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { courseDate, OPERATOR_ORG, offerBody, publishedOffer, verifiedProvider, createOffer } from './support/fixtures';

interface Ids {
  offer: string;
  date: string;
  draft: string;
}

interface BodyEndpoint {
  name: string;
  method: 'post' | 'patch' | 'put';
  path: (ids: Ids) => string;
  role: Role;
  valid: object;
  invalid: { body: object; fields: string[] };
  /** The endpoint addresses an object: another provider's draft answers 404. */
  foreign?: (ids: Ids) => string;
}

const ENDPOINTS: BodyEndpoint[] = [
  {
    name: 'POST /offers',
    method: 'post',
    path: () => '/offers',
    role: 'provider',
    valid: offerBody(),
    invalid: {
      body: { title: '', hours: 0, formats: ['castle'], dqrLevel: 9, skills: ['keine-uri'], priceCents: -1, dates: [{ startDate: '1.3.2030', schedule: 'sometimes', online: 'ja', maxParticipants: 0, minParticipants: 0, endDate: '2030-03-02' }] },
      fields: ['title', 'hours', 'formats', 'dqrLevel', 'skills', 'priceCents', 'dates.0.startDate', 'dates.0.schedule', 'dates.0.online', 'dates.0.maxParticipants'],
    },
  },
  {
    name: 'PATCH /offers/:id',
    method: 'patch',
    path: (ids) => `/offers/${ids.offer}`,
    role: 'provider',
    valid: { priceCents: 50000 },
    invalid: { body: { title: 42, language: 'deutsch', targetGroups: ['everyone'] }, fields: ['title', 'language', 'targetGroups'] },
    foreign: (ids) => `/offers/${ids.draft}`,
  },
  {
    name: 'POST /offers/:id/dates',
    method: 'post',
    path: (ids) => `/offers/${ids.offer}/dates`,
    role: 'provider',
    valid: courseDate(),
    invalid: { body: { ...courseDate(), venue: { postalCode: '123', city: '' }, registrationDeadline: 'morgen' }, fields: ['venue.postalCode', 'venue.city', 'registrationDeadline'] },
    foreign: (ids) => `/offers/${ids.draft}/dates`,
  },
  {
    name: 'PATCH /offers/:id/dates/:dateId',
    method: 'patch',
    path: (ids) => `/offers/${ids.offer}/dates/${ids.date}`,
    role: 'provider',
    valid: { scheduleNote: 'Mo–Fr 8–16 Uhr' },
    invalid: { body: { seatsTaken: -1, maxParticipants: 'zwölf' }, fields: ['seatsTaken', 'maxParticipants'] },
  },
  {
    name: 'POST /offers/:id/withdraw',
    method: 'post',
    path: (ids) => `/offers/${ids.draft}/withdraw`,
    role: 'provider',
    valid: {},
    invalid: { body: { reason: '' }, fields: ['reason'] },
  },
  {
    name: 'POST /programmes',
    method: 'post',
    path: () => '/programmes',
    role: 'operator',
    valid: { programme: {} },
    invalid: { body: { programme: 'sgb', status: 'maybe' }, fields: ['programme', 'status'] },
  },
  {
    name: 'POST /funding/evaluate',
    method: 'post',
    path: () => '/funding/evaluate',
    role: 'company',
    valid: { company: { headCount: 10 }, participants: [{}], courseDateId: '6f1c0a52-3f5e-4d7b-9d1a-2b3c4d5e6f70' },
    invalid: { body: { company: { headCount: -1 }, participants: [], courseDateId: 'x' }, fields: ['company.headCount', 'participants', 'courseDateId'] },
  },
];

describe('input validation and problem responses', () => {
  let h: CatalogueHarness;
  let ids: Ids;
  let provider: string;
  let stranger: string;

  beforeAll(async () => {
    h = await startCatalogue('catinput');
    provider = await verifiedProvider(h, 'Eingabe-Träger');
    stranger = await verifiedProvider(h, 'Fremder Träger');
    const offer = await publishedOffer(h, provider);
    const draft = await createOffer(h, await h.token('provider', stranger));
    ids = { offer: offer.id, date: offer.dates[0].id, draft: draft.id };
  });
  afterAll(() => h?.close());

  const tokenOf = (endpoint: BodyEndpoint) => h.token(endpoint.role, endpoint.role === 'operator' ? OPERATOR_ORG : endpoint.role === 'provider' ? provider : '44444444-4444-4444-8444-444444444444');
  // Not async: awaiting a supertest request would send it.
  const send = (endpoint: BodyEndpoint, token: string | undefined, path = endpoint.path(ids)) => {
    let pending = h.http()[endpoint.method](path);
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
      expectProblem(await send(endpoint, await tokenOf(endpoint)).set('Content-Type', 'application/json').send('{"title": '), 400);
    });

    it('answers an oversized body with 413', async () => {
      expectProblem(await send(endpoint, await tokenOf(endpoint)).send({ ...endpoint.valid, padding: 'x'.repeat(70 * 1024) }), 413);
    });

    it('answers an unknown field with 400 naming it', async () => {
      const response = await send(endpoint, await tokenOf(endpoint)).send({ ...endpoint.valid, isAdmin: true });
      expectProblem(response, 400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('isAdmin');
    });

    it('answers invalid values with 400 and one error per field', async () => {
      const response = await send(endpoint, await tokenOf(endpoint)).send(endpoint.invalid.body);
      expectProblem(response, 400);
      const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field);
      for (const field of endpoint.invalid.fields) expect(fields).toContain(field);
    });

    it('answers a missing or forged token with 401', async () => {
      expectProblem(await send(endpoint, undefined).send(endpoint.valid), 401);
      expectProblem(await send(endpoint, 'not.a.token').send(endpoint.valid), 401);
    });

    if (endpoint.foreign) {
      it("answers another provider's draft with 404", async () => {
        expectProblem(await send(endpoint, await tokenOf(endpoint), endpoint.foreign?.(ids)).send(endpoint.valid), 404);
      });
    }
  });

  it('answers non-UUID ids with 400, unknown ids with 404, a non-JSON body with 415', async () => {
    const token = await h.token('provider', provider);
    expectProblem(await h.http().get('/offers/not-a-uuid'), 400);
    expectProblem(await h.http().get('/offers/6f1c0a52-3f5e-4d7b-9d1a-2b3c4d5e6f70'), 404);
    expectProblem(await h.http().patch(`/offers/${ids.offer}/dates/6f1c0a52-3f5e-4d7b-9d1a-2b3c4d5e6f70`).set('Authorization', `Bearer ${token}`).send({ scheduleNote: 'x' }), 404);
    expectProblem(await h.http().get('/programmes/unbekannt'), 404);
    expectProblem(await h.http().post('/offers').set('Authorization', `Bearer ${token}`).set('Content-Type', 'text/plain').send('hallo'), 415);
    const list = await h.http().get('/offers?limit=0&status=gone&stale=vielleicht').set('Authorization', `Bearer ${token}`);
    expectProblem(list, 400);
    expect(list.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['limit', 'stale', 'status']);
  });
});
