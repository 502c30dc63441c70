import { randomUUID } from 'node:crypto';
import { createEvent, PartnerDeactivated, PartnerUpdated } from '@bildungsraum/contracts';
import { eventually } from '@bildungsraum/testing';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { courseDate, createOffer, until, inDays, knownPartner, matchConfirmed, offerBody, partner, publishedOffer, verifiedProvider } from './support/fixtures';

describe('offers: lifecycle, dates, seats and events', () => {
  let h: CatalogueHarness;
  let provider: string;
  let token: string;

  beforeAll(async () => {
    h = await startCatalogue('catoffers');
    provider = await verifiedProvider(h);
    token = await h.token('provider', provider);
  });
  afterAll(() => h?.close());

  const auth = () => ['Authorization', `Bearer ${token}`] as const;

  it('creates a draft with venue resolved from the postal code; drafts are private and emit nothing', async () => {
    const offer = await createOffer(h, token);
    const own = await h.http().get(`/offers/${offer.id}`).set(...auth());
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: 'draft', version: 1, providerName: 'Bildungswerk Nordhessen', stale: false });
    expect(own.body.dates[0]).toMatchObject({ seatsTaken: 0, seatsFree: 12, minParticipants: 8, venue: { postalCode: '34576', districtKey: '06634' } });
    expect(own.body.dates[0].venue.location.lat).toBeCloseTo(51.0, 0);
    expect((await h.http().get(`/offers/${offer.id}`)).status).toBe(404);
    expect((await h.streamEvents()).filter((event) => event.subject === offer.id)).toEqual([]);
  });

  it('publishes, updates and withdraws with one event each carrying the full offer', async () => {
    const offer = await publishedOffer(h, provider);
    expect((await h.http().get(`/offers/${offer.id}`)).status).toBe(200);
    const patched = await h.http().patch(`/offers/${offer.id}`).set(...auth()).send({ priceCents: 42000 });
    expect(patched.body).toMatchObject({ status: 'published', version: 3, priceCents: 42000 });
    const added = await h.http().post(`/offers/${offer.id}/dates`).set(...auth()).send(courseDate({ online: true, venue: undefined, schedule: 'evening' }));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ online: true, seatsFree: 12 });
    const withdrawn = await h.http().post(`/offers/${offer.id}/withdraw`).set(...auth()).send({ reason: 'Dozent erkrankt' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 5 });
    const events = await until(async () => {
      const mine = (await h.streamEvents()).filter((event) => event.subject === offer.id);
      return mine.length === 4 ? mine : undefined;
    });
    expect(events.map((event) => [event.type, (event.data as { version: number }).version])).toEqual([
      ['catalogue.offer.published.v1', 2],
      ['catalogue.offer.updated.v1', 3],
      ['catalogue.offer.updated.v1', 4],
      ['catalogue.offer.withdrawn.v1', 5],
    ]);
    expect(events[2].data).toMatchObject({ dates: [{ online: false }, { online: true, schedule: 'evening' }] });
    expect(events[3].data).toMatchObject({ reason: 'Dozent erkrankt', status: 'withdrawn' });
    expect((await h.http().get(`/offers/${offer.id}`)).status).toBe(404);
  });

  it('refuses to publish for an unverified provider, and without an upcoming date', async () => {
    const pending = randomUUID();
    await knownPartner(h, partner({ id: pending, status: 'pending', name: 'Neu-Träger' }));
    const pendingToken = await h.token('provider', pending);
    const draft = await createOffer(h, pendingToken);
    const refused = await h.http().post(`/offers/${draft.id}/publish`).set('Authorization', `Bearer ${pendingToken}`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('provider.not-verified');
    const past = await createOffer(h, token, offerBody({ dates: [courseDate({ startDate: inDays(-30), endDate: inDays(-2) })] }));
    const stale = await h.http().post(`/offers/${past.id}/publish`).set(...auth());
    expect(stale.status).toBe(422);
    expect(stale.body.code).toBe('offer.no-upcoming-date');
  });

  it('rejects inconsistent dates and unknown postal codes with the field named', async () => {
    const response = await h.http().post('/offers').set(...auth()).send(offerBody({ dates: [courseDate({ venue: { postalCode: '00000', city: 'Nirgendwo' } })] }));
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe('dates.0.venue.postalCode');
    const online = await h.http().post('/offers').set(...auth()).send(offerBody({ dates: [courseDate({ online: true })] }));
    expect(online.status).toBe(422);
    expect(online.body.errors[0].field).toBe('dates.0.venue');
    const minMax = await h.http().post('/offers').set(...auth()).send(offerBody({ dates: [courseDate({ minParticipants: 20, maxParticipants: 10 })] }));
    expect(minMax.body.errors[0].field).toBe('dates.0.minParticipants');
  });

  it('holds seats once per confirmed match (inbox) and publishes the new free seats', async () => {
    const offer = await publishedOffer(h, provider);
    const confirmed = matchConfirmed({ offerId: offer.id, courseDateId: offer.dates[0].id, providerId: provider, participants: 3 });
    await h.publish(confirmed);
    // A redelivery that escaped JetStream's duplicate window (other message id, same event id): the inbox skips it.
    await h.publish(confirmed, { msgId: `${confirmed.id}:again` });
    await eventually(async () => (await h.http().get(`/offers/${offer.id}`)).body.dates[0].seatsTaken === 3);
    const other = matchConfirmed({ offerId: offer.id, courseDateId: offer.dates[0].id, providerId: provider, participants: 2 });
    await h.publish(other);
    const view = await until(async () => {
      const body = (await h.http().get(`/offers/${offer.id}`)).body;
      return body.dates[0].seatsTaken === 5 ? body : undefined;
    });
    expect(view.dates[0].seatsFree).toBe(7);
    const [inbox] = await h.sql<{ n: number }>(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [confirmed.id]);
    expect(inbox.n).toBe(1);
    const updates = await until(async () => {
      const found = (await h.streamEvents()).filter((event) => event.subject === offer.id && event.type === 'catalogue.offer.updated.v1');
      return found.length === 2 ? found : undefined;
    });
    expect(updates.map((event) => (event.data as { dates: Array<{ seatsFree: number }> }).dates[0].seatsFree)).toEqual([9, 7]);
    expect(updates[0].correlationid).toBe(confirmed.correlationid);
  });

  it('lets the provider correct seats but not overbook, and keeps archived offers frozen', async () => {
    const offer = await publishedOffer(h, provider);
    const path = `/offers/${offer.id}/dates/${offer.dates[0].id}`;
    expect((await h.http().patch(path).set(...auth()).send({ seatsTaken: 4 })).body).toMatchObject({ seatsTaken: 4, seatsFree: 8 });
    const overbooked = await h.http().patch(path).set(...auth()).send({ seatsTaken: 13 });
    expect(overbooked.status).toBe(422);
    expect((await h.http().delete(path).set(...auth())).status).toBe(409);
    expect((await h.http().post(`/offers/${offer.id}/archive`).set(...auth())).body.status).toBe('archived');
    expect((await h.http().patch(`/offers/${offer.id}`).set(...auth()).send({ title: 'Neu' })).status).toBe(409);
  });

  it('lists own offers with the stale flag; a provider sees which of its offers are stale', async () => {
    const offer = await publishedOffer(h, provider, offerBody({ title: 'Bald veraltet', dates: [courseDate({ startDate: inDays(1), endDate: inDays(2) })] }));
    // The last date passes: move it into the past directly (time travel for the test).
    await h.sql(`UPDATE offer SET last_end_date = $2::date, doc = jsonb_set(doc, '{dates,0,endDate}', to_jsonb($3::text)) WHERE id = $1`, [offer.id, inDays(-1), inDays(-1)]);
    const stale = await h.http().get('/offers?stale=true').set(...auth());
    expect(stale.status).toBe(200);
    expect(stale.body.items.map((item: { id: string }) => item.id)).toEqual([offer.id]);
    expect(stale.body.items[0].stale).toBe(true);
    const all = await h.http().get('/offers?limit=2').set(...auth());
    expect(all.body.items).toHaveLength(2);
    const next = await h.http().get(`/offers?limit=2&cursor=${all.body.nextCursor}`).set(...auth());
    expect(next.body.items[0].id).not.toBe(all.body.items[1].id);
  });

  it('renames the provider in search rows and withdraws its offers when it is deactivated', async () => {
    const gone = await verifiedProvider(h, 'Schließt bald GmbH');
    const offer = await publishedOffer(h, gone);
    await knownPartner(h, partner({ id: gone, name: 'Umbenannt GmbH', version: 2 }), PartnerUpdated);
    const [row] = await h.sql<{ provider_name: string }>(`SELECT provider_name FROM search_date WHERE offer_id = $1`, [offer.id]);
    expect(row.provider_name).toBe('Umbenannt GmbH');
    await h.publish(createEvent(PartnerDeactivated, gone, { ...partner({ id: gone, version: 3, status: 'deactivated' }), reasonCode: 'ceased_trading' }));
    await eventually(async () => (await h.http().get(`/offers/${offer.id}`)).status === 404);
    const events = await until(async () => {
      const found = (await h.streamEvents()).filter((event) => event.subject === offer.id && event.type === 'catalogue.offer.withdrawn.v1');
      return found.length === 1 ? found : undefined;
    });
    expect(events[0].data).toMatchObject({ reason: 'Bildungsträger deaktiviert / provider deactivated' });
  });
});
