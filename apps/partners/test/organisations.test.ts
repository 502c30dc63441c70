import { DataSource } from 'typeorm';
import { PARTNERS_DATA_SOURCE } from '../src/shared/infra/partners-store';
import { addMember, company, createNetwork, createOrganisation, operatorToken, SITES } from './support/fixtures';
import { PartnersHarness, startPartners } from './support/partners-harness';

describe('organisations API', () => {
  let h: PartnersHarness;
  let operator: string;

  beforeAll(async () => {
    h = await startPartners('partnersorg');
    operator = await operatorToken(h);
  });
  afterAll(() => h?.close());

  it('registers a pending company with size class, coordinates and district from the postal code', async () => {
    const user = await h.token('company', '00000000-0000-4000-8000-0000000000c1');
    const response = await h.http().post('/organisations').set('Authorization', `Bearer ${user}`).send({
      ...company('Metallbau Korbach GmbH', 12),
      contacts: [{ name: 'Erika Mustermann', email: 'erika@example.org' }],
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      version: 1,
      status: 'pending',
      company: { employees: 12, sizeClass: 'small', sector: 'C' },
      districtKeys: ['06635'],
      sites: [{ postalCode: '34497', districtKey: '06635', location: { lat: expect.any(Number), lon: expect.any(Number) } }],
      contacts: [{ name: 'Erika Mustermann', email: 'erika@example.org' }],
    });
  });

  it('rejects an unknown postal code with a 422 problem naming the field', async () => {
    const response = await h.http().post('/organisations').set('Authorization', `Bearer ${operator}`).send(company('Nirgendwo GmbH', 3, { label: 'X', postalCode: '00000', city: 'Nirgendwo' }));
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 422, code: 'partner.unknown-postal-code', errors: [{ field: 'sites.0.postalCode', pointer: '#/sites/0/postalCode', in: 'body' }] });
  });

  it('refuses company facts on a school and a self-verified registration by a non-operator', async () => {
    const school = await h.http().post('/organisations').set('Authorization', `Bearer ${operator}`).send({ kind: 'school', name: 'BBS', company: { employees: 3 }, sites: [] });
    expect(school.status).toBe(422);
    const user = await h.token('provider', '00000000-0000-4000-8000-0000000000p1'.replace('p', 'f'));
    const selfVerified = await h.http().post('/organisations').set('Authorization', `Bearer ${user}`).send({ kind: 'provider', name: 'Akademie', sites: [], verified: true });
    expect(selfVerified.status).toBe(403);
  });

  it('updates, verifies, rejects and deactivates with one version per change', async () => {
    const { id } = await createOrganisation(h, company('Tischlerei Homberg', 8, SITES.homberg));
    const auth = { Authorization: `Bearer ${operator}` };
    const updated = await h.http().patch(`/organisations/${id}`).set(auth).send({ company: { employees: 60 } });
    expect(updated.body).toMatchObject({ version: 2, company: { sizeClass: 'medium' } });
    const rejected = await h.http().post(`/organisations/${id}/reject`).set(auth).send({ reason: 'Angaben unvollständig' });
    expect(rejected.body).toMatchObject({ version: 3, status: 'rejected', rejectionReason: 'Angaben unvollständig' });
    const verified = await h.http().post(`/organisations/${id}/verify`).set(auth);
    expect(verified.body).toMatchObject({ version: 4, status: 'verified' });
    expect((await h.http().post(`/organisations/${id}/verify`).set(auth)).status).toBe(409);
    const deactivated = await h.http().post(`/organisations/${id}/deactivate`).set(auth).send({ reasonCode: 'ceased_trading' });
    expect(deactivated.body).toMatchObject({ version: 5, status: 'deactivated' });
    expect((await h.http().patch(`/organisations/${id}`).set(auth).send({ name: 'Neu' })).status).toBe(409);
  });

  it('serialises concurrent changes of one organisation: every version exactly once', async () => {
    const { id } = await createOrganisation(h, company('Parallel GmbH', 1));
    const auth = { Authorization: `Bearer ${operator}` };
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => h.http().patch(`/organisations/${id}`).set(auth).send({ company: { employees: 100 + index } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
    expect(responses.map((response) => response.body.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 2));
    const rows = await h.app.get<DataSource>(PARTNERS_DATA_SOURCE).query(
      `SELECT (payload->>'version')::int AS version FROM partners.outbox WHERE subject = $1 ORDER BY position`,
      [id],
    );
    expect(rows.map((row: { version: number }) => row.version)).toEqual(Array.from({ length: 21 }, (_, index) => index + 1));
  });

  it('erases contact persons for good', async () => {
    const { id } = await createOrganisation(h, company('Kontakt GmbH'));
    const auth = { Authorization: `Bearer ${operator}` };
    const added = await h.http().post(`/organisations/${id}/contacts`).set(auth).send({ name: 'Max Muster', role: 'Ausbildungsleitung', phone: '+49 5631 1234' });
    expect(added.status).toBe(201);
    expect((await h.http().delete(`/organisations/${id}/contacts/${added.body.id}`).set(auth)).status).toBe(204);
    expect((await h.http().get(`/organisations/${id}/contacts`).set(auth)).body).toEqual([]);
    expect((await h.http().delete(`/organisations/${id}/contacts/${added.body.id}`).set(auth)).status).toBe(404);
    const rows = await h.app.get<DataSource>(PARTNERS_DATA_SOURCE).query('SELECT * FROM partners.contact_persons WHERE organisation_id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('treats a partner claim that is no UUID as no organisation (never a 500)', async () => {
    const odd = await h.token(['company', 'coordinator'], 'acme-ltd');
    const list = await h.http().get('/organisations').set('Authorization', `Bearer ${odd}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
    expect((await h.http().get('/networks').set('Authorization', `Bearer ${odd}`)).body.items).toEqual([]);
  });

  it('lists with filters and a stable keyset cursor', async () => {
    const network = await createNetwork(h, 'Liste Nordhessen', ['06635', '06634']);
    const names = ['Liste Anton', 'Liste Berta', 'Liste Cäsar', 'Liste Dora', 'Liste Emil'];
    const ids: string[] = [];
    for (const name of names) ids.push((await createOrganisation(h, company(name, 5, name.endsWith('Emil') ? SITES.hoexter : SITES.korbach))).id);
    await addMember(h, network, ids[1], 'member');
    const auth = { Authorization: `Bearer ${operator}` };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.http().get('/organisations').query({ q: 'liste ', limit: 2, ...(cursor ? { cursor } : {}) }).set(auth);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { name: string }) => item.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    const hessen = await h.http().get('/organisations').query({ q: 'Liste', district: '06635' }).set(auth);
    expect(hessen.body.items).toHaveLength(4);
    const members = await h.http().get('/organisations').query({ network }).set(auth);
    expect(members.body.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    const pending = await h.http().get('/organisations').query({ q: 'Liste', status: 'verified', kind: 'company' }).set(auth);
    expect(pending.body.items).toEqual([]);
    expect((await h.http().get('/organisations').query({ cursor: 'bm9wZQ' }).set(auth)).status).toBe(422);
  });
});
