import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { inDays, OPERATOR_ORG, offerBody, publishedOffer, verifiedProvider } from './support/fixtures';

const german = (iso: string) => iso.split('-').reverse().join('.');

describe('imports: CSV and schema.org JSON-LD', () => {
  let h: CatalogueHarness;
  let provider: string;
  let token: string;

  beforeAll(async () => {
    h = await startCatalogue('catimports');
    provider = await verifiedProvider(h, 'Import-Akademie');
    token = await h.token('provider', provider);
  });
  afterAll(() => h?.close());

  it('imports CSV row by row: rows with one key form one offer, bad rows are reported with their fields', async () => {
    const csv = [
      'Schlüssel;Titel;Beschreibung;Stunden;Format;Zielgruppen;Preis;AZAV;Maßnahmenummer;Beginn;Ende;Zeitmodell;PLZ;Stadt;Min;Max',
      `cnc-1;CNC-Drehen Grundlagen;Einrichten und Bedienen;160;Präsenz;Beschäftigte|Un- und Angelernte;2.450,00;ja;955/12/25;${german(inDays(20))};${german(inDays(60))};Vollzeit;34117;Kassel;8;12`,
      `cnc-1;CNC-Drehen Grundlagen;Einrichten und Bedienen;160;Präsenz;Beschäftigte;2.450,00;ja;955/12/25;${german(inDays(80))};${german(inDays(120))};Teilzeit;34497;Korbach;8;12`,
      `stapler;Staplerschein;;0;Präsenz;;390;nein;;${german(inDays(5))};${german(inDays(4))};Vollzeit;99999;Nirgendwo;1;10`,
    ].join('\n');
    const response = await h.http().post('/offers/import/csv').set('Authorization', `Bearer ${token}`).send({ content: csv, publish: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: 2, created: 1, rejected: 1, unknownColumns: [] });
    const [cnc, stapler] = response.body.items;
    expect(cnc).toMatchObject({ ref: 'Zeile 2, 3', status: 'published', title: 'CNC-Drehen Grundlagen' });
    expect(stapler.status).toBe('rejected');
    expect(stapler.errors.map((error: { field: string }) => error.field)).toContain('hours');
    const offer = (await h.http().get(`/offers/${cnc.offerId}`)).body;
    expect(offer).toMatchObject({ priceCents: 245000, azavApproved: true, measureNumber: '955/12/25', targetGroups: ['employees', 'unskilled'] });
    expect(offer.dates.map((date: { schedule: string; venue: { districtKey: string } }) => [date.schedule, date.venue.districtKey])).toEqual([
      ['full_time', '06611'],
      ['part_time', '06635'],
    ]);
    const search = await h.http().get('/search?q=CNC-Drehen&postalCode=34497&radiusKm=10');
    expect(search.body.items.map((item: { offerId: string }) => item.offerId)).toEqual([cnc.offerId]);
  });

  it('round-trips an offer through its JSON-LD view and the JSON-LD import', async () => {
    const original = await publishedOffer(h, provider, offerBody({ title: 'Schweißen WIG', hours: 80, priceCents: 180000, dqrLevel: 3 }));
    const document = (await h.http().get(`/offers/${original.id}/jsonld`)).body;
    const response = await h.http().post('/offers/import/jsonld').set('Authorization', `Bearer ${token}`).send({ document: { '@graph': [document, { '@type': 'Event', name: 'kein Kurs' }] } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ received: 2, created: 1, rejected: 1 });
    const copy = (await h.http().get(`/offers/${response.body.items[0].offerId}`).set('Authorization', `Bearer ${token}`)).body;
    expect(copy).toMatchObject({ status: 'draft', title: 'Schweißen WIG', hours: 80, priceCents: 180000, dqrLevel: 3, measureNumber: '962/123/2025', skills: offerBody().skills });
    expect(copy.dates[0]).toMatchObject({ startDate: inDays(30), maxParticipants: 12, venue: { postalCode: '34576' } });
  });

  it('lets operators import for a provider and refuses companies', async () => {
    const operator = await h.token('operator', OPERATOR_ORG);
    const csv = `Titel;Stunden;Beginn;Ende;Online\nOnline-Excel;16;${inDays(9)};${inDays(10)};ja`;
    const ok = await h.http().post('/offers/import/csv').set('Authorization', `Bearer ${operator}`).send({ content: csv, providerId: provider });
    expect(ok.body).toMatchObject({ created: 1 });
    const company = await h.token('company', '55555555-5555-4555-8555-555555555555');
    expect((await h.http().post('/offers/import/csv').set('Authorization', `Bearer ${company}`).send({ content: csv })).status).toBe(403);
    expect((await h.http().post('/offers/import/csv').set('Authorization', `Bearer ${token}`).send({})).status).toBe(422);
  });
});
