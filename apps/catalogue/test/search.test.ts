import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { courseDate, inDays, offerBody, publishedOffer, verifiedProvider } from './support/fixtures';

const venue = (postalCode: string, city: string) => ({ postalCode, city, street: 'Hauptstraße 1' });

describe('public search', () => {
  let h: CatalogueHarness;
  let provider: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startCatalogue('catsearch');
    provider = await verifiedProvider(h, 'Bildungswerk Nordhessen');
    const other = await verifiedProvider(h, 'Hanse Akademie');
    ids.stapler = (await publishedOffer(h, provider, offerBody({ title: 'Gabelstapler Fahrausweis', dates: [courseDate({ venue: venue('34497', 'Korbach'), startDate: inDays(20), endDate: inDays(22) })] }))).id;
    ids.schweissen = (
      await publishedOffer(h, provider, offerBody({
        title: 'Schweißen MAG Grundlagen',
        description: 'Metallschutzgasschweißen für Un- und Angelernte',
        hours: 200,
        priceCents: 280000,
        dqrLevel: 3,
        targetGroups: ['unskilled'],
        dates: [courseDate({ venue: venue('34117', 'Kassel'), startDate: inDays(40), endDate: inDays(90), maxParticipants: 10, seatsTaken: 10 })],
      }))
    ).id;
    ids.online = (
      await publishedOffer(h, other, offerBody({
        title: 'CNC-Programmierung online',
        formats: ['online_live'],
        azavApproved: false,
        measureNumber: undefined,
        priceCents: 90000,
        language: 'en',
        dates: [courseDate({ online: true, venue: undefined, schedule: 'evening', startDate: inDays(10), endDate: inDays(50) })],
      }))
    ).id;
    ids.hamburg = (await publishedOffer(h, other, offerBody({ title: 'Gabelstapler Hamburg', dates: [courseDate({ venue: venue('20095', 'Hamburg'), startDate: inDays(5), endDate: inDays(6) })] }))).id;
    ids.past = (await publishedOffer(h, provider, offerBody({ title: 'Gabelstapler Auffrischung', dates: [courseDate({ venue: venue('34497', 'Korbach'), startDate: inDays(1), endDate: inDays(2) })] }))).id;
    // Its only date passes: it must stop being listed without anyone touching it.
    await h.sql(`UPDATE search_date SET start_date = $2::date, end_date = $3::date WHERE offer_id = $1`, [ids.past, inDays(-3), inDays(-1)]);
  });
  afterAll(() => h?.close());

  const search = async (query: string) => {
    const response = await h.http().get(`/search?${query}`);
    expect(response.status).toBe(200);
    return response.body as { total: number; items: Array<Record<string, unknown>>; facets: Record<string, Record<string, number>>; nextCursor?: string };
  };
  const offers = (body: { items: Array<Record<string, unknown>> }) => body.items.map((item) => item.offerId);

  it('needs no login, finds by German words with umlaut/ß folding and stemming', async () => {
    expect(offers(await search('q=schweissen'))).toEqual([ids.schweissen]);
    expect(offers(await search('q=Schweißen'))).toEqual([ids.schweissen]);
    expect(offers(await search('q=Angelernten'))).toEqual([ids.schweissen]);
  });

  it('tolerates typos and finds compounds through the trigram lexicon', async () => {
    expect(new Set(offers(await search('q=stapler')))).toEqual(new Set([ids.stapler, ids.hamburg]));
    expect(new Set(offers(await search('q=Gabelstaplr')))).toEqual(new Set([ids.stapler, ids.hamburg]));
    expect(offers(await search('q=Programierung'))).toEqual([ids.online]);
  });

  it('searches a radius around a postal code; online dates are reachable from anywhere; past dates are gone', async () => {
    const near = await search('postalCode=34497&radiusKm=60&sort=distance');
    expect(offers(near)).toEqual([ids.stapler, ids.schweissen, ids.online]);
    expect(near.items[0].distanceKm).toBeLessThan(3);
    expect(near.items[2].distanceKm).toBeUndefined();
    const point = await search('lat=53.55&lon=9.99&radiusKm=20&q=stapler');
    expect(offers(point)).toEqual([ids.hamburg]);
  });

  it('filters by format, schedule, free seats, price, AZAV, programme, level, language, target group, window and provider', async () => {
    expect(offers(await search('format=online_live'))).toEqual([ids.online]);
    expect(offers(await search('schedule=evening'))).toEqual([ids.online]);
    expect(offers(await search('freeSeats=1&q=schweissen'))).toEqual([]);
    expect(new Set(offers(await search('maxPriceCents=100000')))).toEqual(new Set([ids.online, ids.stapler, ids.hamburg]));
    expect(offers(await search('azav=false'))).toEqual([ids.online]);
    expect(offers(await search('programme=sgb3-82'))).toEqual([ids.schweissen]);
    expect(offers(await search('dqrLevel=3'))).toEqual([ids.schweissen]);
    expect(offers(await search('language=en'))).toEqual([ids.online]);
    expect(offers(await search('targetGroup=unskilled&q=schweissen'))).toEqual([ids.schweissen]);
    expect(offers(await search(`from=${inDays(8)}&to=${inDays(25)}&sort=start`))).toEqual([ids.online, ids.stapler]);
    expect(new Set(offers(await search(`providerId=${provider}`)))).toEqual(new Set([ids.stapler, ids.schweissen]));
  });

  it('counts facets over all hits and pages with a keyset cursor', async () => {
    const all = await search('limit=2&sort=start');
    expect(all.total).toBe(4);
    expect(all.facets.format).toEqual({ presence: 3, online_live: 1 });
    expect(all.facets.online).toEqual({ true: 1, false: 3 });
    expect(all.facets.azav).toEqual({ true: 3, false: 1 });
    const second = await search(`limit=2&sort=start&cursor=${all.nextCursor}`);
    expect(second.nextCursor).toBeUndefined();
    expect([...offers(all), ...offers(second)]).toEqual([ids.hamburg, ids.online, ids.stapler, ids.schweissen]);
  });

  it('rejects bad parameters with a problem naming them', async () => {
    const bad = await h.http().get('/search?radiusKm=0&format=castle&dqrLevel=9&unknown=1');
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as Array<{ field: string }>).map((error) => error.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['dqrLevel', 'format', 'radiusKm']));
    const unknownPlace = await h.http().get('/search?postalCode=00000');
    expect(unknownPlace.status).toBe(422);
    const cursor = await h.http().get('/search?cursor=bm9wZQ');
    expect(cursor.status).toBe(422);
    expect((await h.http().get('/search?radiusKm=999&postalCode=34497')).status).toBe(422);
  });

  it('offers a schema.org Course/CourseInstance JSON-LD view', async () => {
    const response = await h.http().get(`/offers/${ids.schweissen}/jsonld`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'Schweißen MAG Grundlagen',
      provider: { '@type': 'Organization', name: 'Bildungswerk Nordhessen' },
      offers: { price: '2800.00', priceCurrency: 'EUR' },
      hasCourseInstance: [{ '@type': 'CourseInstance', maximumAttendeeCapacity: 10, remainingAttendeeCapacity: 0, location: { address: { postalCode: '34117' } } }],
    });
  });
});
