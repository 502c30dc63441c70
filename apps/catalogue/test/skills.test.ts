import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { offerBody, publishedOffer, verifiedProvider } from './support/fixtures';

const OPERATE_FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
const TEND_CNC_MILLING = 'http://data.europa.eu/esco/skill/4cb58ef4-67a9-4bea-a743-2c83ebd60e79';

/** Against the ESCO/KldB taxonomy imported from the shared reference data into the test's schema. */
describe('skills type-ahead and taxonomy-expanded search', () => {
  let h: CatalogueHarness;
  let lager: string;
  let zerspanung: string;

  beforeAll(async () => {
    h = await startCatalogue('catskills', {}, { taxonomy: true });
    const provider = await verifiedProvider(h);
    lager = (await publishedOffer(h, provider, offerBody({ title: 'Lagerlogistik kompakt', description: 'Wareneingang, Kommissionierung, Flurförderzeuge', skills: [OPERATE_FORKLIFT] }))).id;
    zerspanung = (await publishedOffer(h, provider, offerBody({ title: 'Zerspanungstechnik Einstieg', description: 'Grundlagen der spanenden Fertigung', skills: [TEND_CNC_MILLING] }))).id;
  }, 60_000);
  afterAll(() => h?.close());

  it('suggests ESCO skills for what people type, without login', async () => {
    const stapler = await h.http().get('/skills?q=stapler');
    expect(stapler.status).toBe(200);
    expect(stapler.body.items.map((item: { uri: string }) => item.uri)).toContain(OPERATE_FORKLIFT);
    const cnc = await h.http().get('/skills?q=CNC-Fr%C3%A4s&limit=5');
    expect(cnc.body.items[0]).toMatchObject({ uri: TEND_CNC_MILLING });
    expect((await h.http().get('/skills')).status).toBe(400);
    expect((await h.http().get('/skills?q=x&limit=500')).status).toBe(400);
  });

  it('finds offers by the labels of the skills they teach', async () => {
    const forklift = await h.http().get('/search?q=forklift');
    expect(forklift.body.items.map((item: { offerId: string }) => item.offerId)).toEqual([lager]);
    const fraes = await h.http().get('/search?q=Fr%C3%A4smaschine');
    expect(fraes.body.items.map((item: { offerId: string }) => item.offerId)).toEqual([zerspanung]);
  });
});
