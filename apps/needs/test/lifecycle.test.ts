import { NeedSubmittedV1, NeedWithdrawnV1 } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { createNeed, forkliftNeed } from './support/needs-fixtures';
import { NeedsHarness, startNeeds } from './support/needs-harness';
import { PartnersFeed } from './support/partners-feed';

describe('need lifecycle over HTTP, with partners events as the source of companies', () => {
  let h: NeedsHarness;
  let feed: PartnersFeed;
  let company: string;
  let coordinatorOrg: string;
  let network: string;

  beforeAll(async () => {
    h = await startNeeds('needslife');
    feed = new PartnersFeed(h);
    company = await feed.company('Metallbau Korbach GmbH', { employees: 42, sizeClass: 'small' });
    coordinatorOrg = await feed.organisation('Wirtschaftsförderung Waldeck-Frankenberg', 'economic_development_agency');
    network = await feed.network('Weiterbildungsverbund Nordhessen', [{ partnerId: coordinatorOrg, role: 'coordinator' }]);
    await feed.addMember(network, company, 'member');
  });
  afterAll(() => h?.close());

  it('a verified company submits its need; the event carries the full need, its size and district, and no personal data', async () => {
    const token = await h.token('company', company);
    const draft = await createNeed(h, token, forkliftNeed());
    expect(draft.status).toBe('draft');
    const submitted = await h.http().post(`/needs/${draft.id}/submit`).set('Authorization', `Bearer ${token}`);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 2, capturedBy: { partnerId: company, role: 'company' } });
    const [event] = await eventually(async () => {
      const events = (await h.streamEvents()).filter((e) => e.subject === draft.id);
      if (events.length !== 1) throw new Error(`${events.length} events`);
      return events;
    });
    expect(event?.type).toBe('needs.need.submitted.v1');
    const data = event?.data as NeedSubmittedV1;
    expect(data).toMatchObject({
      id: draft.id,
      version: 2,
      status: 'submitted',
      company: { id: company, sizeClass: 'small', employees: 42, districtKey: '06635', nameVisibleToProviders: true },
      site: { postalCode: '34497', districtKey: '06635' },
      participants: 2,
      staff: { participantsAged45Plus: 1, participantsSeverelyDisabled: 0 },
    });
    expect(data.site.location.lat).toBeCloseTo(51.27, 1);
    expect(JSON.stringify(data)).not.toContain('"subject"');
  });

  it('a coordinator of the company’s network captures and submits on its behalf, recorded as such', async () => {
    const token = await h.token('coordinator', coordinatorOrg);
    const need = await createNeed(h, token, forkliftNeed({ companyId: company, submit: true, description: 'CNC-Grundlagen für drei Zerspaner' }));
    expect(need).toMatchObject({ status: 'submitted', capturedBy: { partnerId: coordinatorOrg, role: 'coordinator' } });
  });

  it('an unverified company can keep drafts but not submit', async () => {
    const pending = await feed.company('Neu GmbH', { verified: false });
    const token = await h.token('company', pending);
    const draft = await createNeed(h, token, forkliftNeed());
    const response = await h.http().post(`/needs/${draft.id}/submit`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('company.not-verified');
  });

  it('withdraws at any time before fulfilled; a withdrawn need cannot change', async () => {
    const token = await h.token('company', company);
    const need = await createNeed(h, token, forkliftNeed({ submit: true }));
    const withdrawn = await h.http().post(`/needs/${need.id}/withdraw`).set('Authorization', `Bearer ${token}`).send({ reason: 'Kurs selbst organisiert' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    const again = await h.http().patch(`/needs/${need.id}`).set('Authorization', `Bearer ${token}`).send({ participants: 3 });
    expect(again.status).toBe(409);
    const event = await eventually(async () => (await h.streamEvents()).find((e) => e.subject === need.id && e.type === 'needs.need.withdrawn.v1'));
    expect((event?.data as NeedWithdrawnV1).reasonCode).toBe('requested');
  });

  it('a content change of a submitted need is published as updated (content); a no-op changes nothing', async () => {
    const token = await h.token('company', company);
    const need = await createNeed(h, token, forkliftNeed({ submit: true }));
    const changed = await h.http().patch(`/needs/${need.id}`).set('Authorization', `Bearer ${token}`).send({ participants: 4, site: { postalCode: '37603' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 3, content: { participants: 4, site: { postalCode: '37603', districtKey: '03255' } } });
    const same = await h.http().patch(`/needs/${need.id}`).set('Authorization', `Bearer ${token}`).send({ participants: 4 });
    expect(same.body.version).toBe(3);
    await eventually(async () => (await h.streamEvents()).some((e) => e.subject === need.id && e.type === 'needs.need.updated.v1' && (e.data as { changeKind: string }).changeKind === 'content'));
  });

  it('deactivating a company withdraws its open needs (reason company_deactivated)', async () => {
    const leaving = await feed.company('Schließt GmbH');
    const token = await h.token('company', leaving);
    const open = await createNeed(h, token, forkliftNeed({ submit: true }));
    const draft = await createNeed(h, token, forkliftNeed());
    await feed.deactivate(leaving);
    const operator = await h.token('operator', '00000000-0000-4000-8000-00000000000a');
    await eventually(async () => {
      const response = await h.http().get(`/needs/${open.id}`).set('Authorization', `Bearer ${operator}`);
      return response.body.status === 'withdrawn';
    });
    expect((await h.http().get(`/needs/${draft.id}`).set('Authorization', `Bearer ${operator}`)).body.status).toBe('withdrawn');
    const event = await eventually(async () => (await h.streamEvents()).find((e) => e.subject === open.id && e.type === 'needs.need.withdrawn.v1'));
    expect((event?.data as NeedWithdrawnV1).reasonCode).toBe('company_deactivated');
    const refused = await h.http().post('/needs').set('Authorization', `Bearer ${token}`).send(forkliftNeed());
    expect(refused.status).toBe(422);
  });

  it('concurrent submissions share group commits: every one is stored once with exactly one event', async () => {
    const token = await h.token('company', company);
    const created = await Promise.all(Array.from({ length: 60 }, (_, index) => createNeed(h, token, forkliftNeed({ submit: true, description: `Parallel ${index}` }))));
    const ids = new Set(created.map((need) => need.id));
    expect(ids.size).toBe(60);
    const events = await eventually(async () => {
      const submitted = (await h.streamEvents()).filter((event) => event.type === 'needs.need.submitted.v1' && ids.has(event.subject ?? ''));
      if (submitted.length < 60) throw new Error(`${submitted.length} events`);
      return submitted;
    });
    expect(new Set(events.map((event) => event.subject)).size).toBe(60);
    expect(events).toHaveLength(60);
  });

  it('drafts can be deleted, published needs cannot', async () => {
    const token = await h.token('company', company);
    const draft = await createNeed(h, token, forkliftNeed());
    expect((await h.http().delete(`/needs/${draft.id}`).set('Authorization', `Bearer ${token}`)).status).toBe(204);
    const published = await createNeed(h, token, forkliftNeed({ submit: true }));
    expect((await h.http().delete(`/needs/${published.id}`).set('Authorization', `Bearer ${token}`)).status).toBe(409);
  });

  it('refuses cross-field contradictions with every fault listed', async () => {
    const token = await h.token('company', company);
    const response = await h.http().post('/needs').set('Authorization', `Bearer ${token}`).send(forkliftNeed({ participants: 1, earliestStart: '2030-05-01', latestEnd: '2030-04-01' }));
    expect(response.status).toBe(422);
    const fields = (response.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
    expect(fields).toEqual(['latestEnd', 'participantsByTargetGroup']);
  });
});
