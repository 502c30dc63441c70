import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { courseDate, inDays, offerBody, publishedOffer, verifiedProvider } from './support/fixtures';

const venue = (postalCode: string, city: string) => ({ postalCode, city, street: 'Hauptstraße 1' });

/**
 * A search gathers at most SEARCH_COUNT_CAP hits (here 2, so a handful of offers shows it): the
 * total reads "at least", the facets are labelled estimates, relevance ranks only the nearest
 * hits, and pages by distance or start still reach every hit through the cursor.
 */
describe('search bounded by the count cap', () => {
  let h: CatalogueHarness;
  let provider: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startCatalogue('catsearchcap', { SEARCH_COUNT_CAP: '2' });
    provider = await verifiedProvider(h, 'Schweißtechnik Nord');
    const offer = async (title: string, description: string, date: Record<string, unknown>) =>
      (await publishedOffer(h, provider, offerBody({ title, description, skills: [], dates: [courseDate({ startDate: inDays(20), endDate: inDays(40), ...date })] }))).id;
    // Nearest, but the word only in its description: the lowest rank.
    ids.korbach = await offer('Brandschutz in der Werkstatt', 'Gefahren beim Schweißen und Löschen.', { venue: venue('34497', 'Korbach'), startDate: inDays(12) });
    ids.kassel = await offer('Schweißen WIG Aufbaukurs', 'Schweißen von Edelstahl.', { venue: venue('34117', 'Kassel'), startDate: inDays(14) });
    ids.goettingen = await offer('Arbeitsschutz kompakt', 'Unterweisung für das Schweißen.', { venue: venue('37073', 'Göttingen'), startDate: inDays(18) });
    // Far away (Hamburg), as relevant as Kassel: not among the nearest hits on site.
    ids.hamburg = await offer('Schweißen MAG Aufbaukurs', 'Schweißen von Baustahl.', { venue: venue('20095', 'Hamburg'), startDate: inDays(10) });
    ids.online = await offer('Schweißen Theorie online', 'Schweißen: Normen und Verfahren.', { online: true, venue: undefined, startDate: inDays(16) });
  });
  afterAll(() => h?.close());

  const search = async (query: string) => {
    const response = await h.http().get(`/search?${query}`);
    expect(response.status).toBe(200);
    return response.body as { total?: number; totalIsLowerBound?: boolean; facetsEstimated?: boolean; items: Array<{ offerId: string; online: boolean }>; facets?: Record<string, Record<string, number>>; nextCursor?: string };
  };
  const offers = (body: { items: Array<{ offerId: string }> }) => body.items.map((item) => item.offerId);

  it('caps the total and labels facets counted over the capped hits as estimates', async () => {
    const body = await search('postalCode=34497&radiusKm=300&sort=start&limit=1');
    expect(body.total).toBe(2);
    expect(body.totalIsLowerBound).toBe(true);
    expect(body.facetsEstimated).toBe(true);
    const counted = Object.values(body.facets?.online ?? {}).reduce((sum, n) => sum + n, 0);
    expect(counted).toBe(2);
  });

  it('does not label counts below the cap', async () => {
    const body = await search('postalCode=20095&radiusKm=10&q=schweissen');
    expect(offers(body).sort()).toEqual([ids.hamburg, ids.online].sort());
    expect(body.totalIsLowerBound).toBe(false);
    expect(body.facetsEstimated).toBe(false);
    expect(body.facets?.online).toEqual({ true: 1, false: 1 });
  });

  it('applies a date window to text hits', async () => {
    const body = await search(`postalCode=34497&radiusKm=300&q=schweissen&sort=start&from=${inDays(11)}&to=${inDays(15)}`);
    expect(offers(body)).toEqual([ids.korbach, ids.kassel]);
    expect(body.totalIsLowerBound).toBe(false);
  });

  it('ranks by relevance the nearest hits only, pages through them and stops', async () => {
    const ranked: string[] = [];
    let cursor: string | undefined;
    do {
      const body = await search(`postalCode=34497&radiusKm=300&q=schweissen&sort=relevance&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      if (cursor) expect(body.total).toBeUndefined();
      ranked.push(...offers(body));
      cursor = body.nextCursor;
    } while (cursor && ranked.length < 10);
    // Candidates: the nearest dates on site (one more than the cap: Korbach, Kassel, Göttingen)
    // and the online date. Kassel and the online date have the word in their title and come first;
    // Hamburg, as relevant, is not among the nearest and not listed; pages end with the candidates.
    expect(ranked.slice(0, 2).sort()).toEqual([ids.kassel, ids.online].sort());
    expect(ranked).not.toContain(ids.hamburg);
    expect(ranked.length).toBe(3);
  });

  it('pages by distance and by start beyond the cap through the cursor', async () => {
    const collect = async (query: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const body = await search(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...offers(body));
        cursor = body.nextCursor;
      } while (cursor && seen.length < 10);
      return seen;
    };
    const byDistance = [ids.korbach, ids.kassel, ids.goettingen, ids.hamburg, ids.online];
    expect(await collect('postalCode=34497&radiusKm=300&sort=distance')).toEqual(byDistance);
    expect(await collect('postalCode=34497&radiusKm=300&sort=distance&q=schweissen')).toEqual(byDistance);
    expect(await collect('postalCode=34497&radiusKm=300&sort=start')).toEqual([ids.hamburg, ids.korbach, ids.kassel, ids.online, ids.goettingen]);
    expect(await collect('postalCode=34497&radiusKm=300&sort=start&q=schweissen')).toEqual([ids.hamburg, ids.korbach, ids.kassel, ids.online, ids.goettingen]);
  });

  it('pages by distance through dates at the same place in id order, none lost at the cap', async () => {
    const sameSpot = [];
    for (const title of ['Schweißen Grundkurs', 'Schweißen Prüfung', 'Schweißen Praxis']) {
      sameSpot.push((await publishedOffer(h, provider, offerBody({ title, skills: [], dates: [courseDate({ venue: venue('80331', 'München'), startDate: inDays(20), endDate: inDays(30) })] }))).dates[0]?.id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await h.http().get(`/search?postalCode=80331&radiusKm=20&sort=distance&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      const body = response.body as { items: Array<{ dateId: string; online: boolean }>; nextCursor?: string };
      seen.push(...body.items.filter((item) => !item.online).map((item) => item.dateId));
      cursor = body.nextCursor;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual([...sameSpot].sort());
  });
});
