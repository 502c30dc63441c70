import { eventually, PrivateNatsServer } from '@bildungsraum/testing';
import { company, createOrganisation } from './support/fixtures';
import { PartnersHarness, startPartners } from './support/partners-harness';

/**
 * API-level outage proof: with the NATS server gone, registrations still succeed (they only touch
 * Postgres and the outbox); once the server is back, the relay delivers what piled up, once each.
 */
describe('NATS outage', () => {
  let nats: PrivateNatsServer;
  let h: PartnersHarness;

  beforeAll(async () => {
    nats = await PrivateNatsServer.create();
    await nats.start();
    h = await startPartners('partnersoutage', { NATS_URL: nats.url });
  });
  afterAll(async () => {
    await h?.close();
    await nats?.dispose();
  });

  it('accepts writes while NATS is down and publishes them exactly once after it returns', async () => {
    const before = await createOrganisation(h, company('Vor dem Ausfall GmbH'));
    await eventually(async () => (await h.streamEvents()).some((event) => event.subject === before.id));

    await nats.kill();
    const during: string[] = [];
    for (const name of ['Ausfall Eins GmbH', 'Ausfall Zwei GmbH', 'Ausfall Drei GmbH']) {
      during.push((await createOrganisation(h, company(name))).id);
    }

    await nats.start();
    const events = await eventually(
      async () => {
        const stored = await h.streamEvents();
        if (!during.every((id) => stored.some((event) => event.subject === id))) throw new Error('not all delivered yet');
        return stored;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const subjects = events.map((event) => event.subject);
    for (const id of [before.id, ...during]) expect(subjects.filter((subject) => subject === id)).toHaveLength(1);
    expect(events.map((event) => event.type)).toEqual(Array(4).fill('partners.partner.registered.v1'));
  });
});
