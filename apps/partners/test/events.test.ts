import { findEventDefinition, validatePayload } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { company, createOrganisation, OPERATOR_ORG, SITES } from './support/fixtures';
import { PartnersHarness, startPartners } from './support/partners-harness';

const PERSONAL = ['Erika Mustermann', 'erika.mustermann@example.org', '+49 5631 987654', 'Max Beispiel', 'max@example.org'];

describe('events through the outbox', () => {
  let h: PartnersHarness;
  let auth: { Authorization: string };

  beforeAll(async () => {
    h = await startPartners('partnersevents');
    auth = { Authorization: `Bearer ${await h.token('operator', OPERATOR_ORG)}` };
  });
  afterAll(() => h?.close());

  it('publishes every state change exactly once into the PARTNERS stream, without personal data', async () => {
    const { id } = await createOrganisation(h, {
      ...company('Ereignis GmbH', 9, SITES.holzminden),
      contacts: [{ name: 'Erika Mustermann', email: 'erika.mustermann@example.org', phone: '+49 5631 987654' }],
    });
    const ok = (status: number) => (response: { status: number; body: { id?: string } }) => {
      if (response.status !== status) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      return response;
    };
    await h.http().patch(`/organisations/${id}`).set(auth).send({ company: { employees: 55 } }).then(ok(200));
    await h.http().patch(`/organisations/${id}`).set(auth).send({ company: { employees: 55 } }).then(ok(200)); // no change, no event
    const network = (await h.http().post('/networks').set(auth).send({ name: 'Höxter–Holzminden', districtKeys: ['05762', '03255'] }).then(ok(201))).body.id ?? '';
    await h.http().put(`/networks/${network}/members/${id}`).set(auth).send({ role: 'member' }).then(ok(200));
    await h.http().put(`/networks/${network}/members/${id}`).set(auth).send({ role: 'coordinator' }).then(ok(200));
    await h.http().post(`/organisations/${id}/contacts`).set(auth).send({ name: 'Max Beispiel', email: 'max@example.org' }).then(ok(201));
    await h.http().post(`/organisations/${id}/reject`).set(auth).send({ reason: 'Nachweis fehlt' }).then(ok(200));
    await h.http().post(`/organisations/${id}/verify`).set(auth).then(ok(200));
    await h.http().delete(`/networks/${network}/members/${id}`).set(auth).then(ok(200));
    await h.http().post(`/organisations/${id}/deactivate`).set(auth).send({ reasonCode: 'duplicate' }).then(ok(200));
    await h.http().patch(`/networks/${network}`).set(auth).send({ districtKeys: ['05762', '03255', '05766'] }).then(ok(200));
    await h.http().patch(`/networks/${network}`).set(auth).send({ districtKeys: ['03255', '05766', '05762'] }).then(ok(200)); // same set

    const expected = [
      ['partners.partner.registered.v1', id, 1],
      ['partners.partner.updated.v1', id, 2],
      ['partners.network.created.v1', network, 1],
      ['partners.network.updated.v1', network, 2],
      ['partners.partner.updated.v1', id, 3],
      ['partners.network.updated.v1', network, 3],
      ['partners.partner.rejected.v1', id, 4],
      ['partners.partner.verified.v1', id, 5],
      ['partners.network.updated.v1', network, 4],
      ['partners.partner.updated.v1', id, 6],
      ['partners.partner.deactivated.v1', id, 7],
      ['partners.network.updated.v1', network, 5],
    ];
    const events = await eventually(async () => {
      const stored = await h.streamEvents();
      if (stored.length < expected.length) throw new Error(`${stored.length} of ${expected.length} events stored`);
      return stored;
    });
    expect(events.map((event) => [event.type, event.subject, (event.data as { version: number }).version])).toEqual(expected);
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);

    for (const event of events) {
      const definition = findEventDefinition(event.type);
      expect(definition).toBeDefined();
      if (definition) expect(validatePayload(definition, event.data).violations).toEqual([]);
      const text = JSON.stringify(event);
      for (const personal of PERSONAL) expect(text).not.toContain(personal);
    }
    const joined = events[4].data as { networkIds: string[]; districtKeys: string[] };
    expect(joined).toMatchObject({ networkIds: [network], districtKeys: ['03255'] });
    expect(events[3].data).toMatchObject({ members: [{ partnerId: id, role: 'member' }] });
    expect(events[6].data).toMatchObject({ reason: 'Nachweis fehlt', status: 'rejected' });
    expect(events[10].data).toMatchObject({ reasonCode: 'duplicate', status: 'deactivated', networkIds: [] });
    expect(events[11].data).toMatchObject({ districtKeys: ['03255', '05762', '05766'], members: [] });
    // One request, one correlation id, on both events a membership change writes.
    expect(events[3].correlationid).toBe(events[4].correlationid);
  });
});
