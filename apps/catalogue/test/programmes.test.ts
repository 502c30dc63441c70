import { EXAMPLE_REGIONAL_PROGRAMME, FEDERAL_PROGRAMMES } from '@bildungsraum/funding';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { courseDate, inDays, OPERATOR_ORG, offerBody, publishedOffer, until, verifiedProvider } from './support/fixtures';

describe('funding programmes and the funding answer', () => {
  let h: CatalogueHarness;
  let operator: string;

  beforeAll(async () => {
    h = await startCatalogue('catprogrammes');
    operator = await h.token('operator', OPERATOR_ORG);
  });
  afterAll(() => h?.close());

  it('seeds the federal programmes once and publishes each with its full rule set', async () => {
    const list = await h.http().get('/programmes');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual(FEDERAL_PROGRAMMES.map((programme) => programme.id).sort());
    const events = await until(async () => {
      const found = (await h.streamEvents()).filter((event) => event.type === 'catalogue.programme.published.v1');
      return found.length === FEDERAL_PROGRAMMES.length ? found : undefined;
    });
    const sgb = events.find((event) => event.subject === 'sgb3-82');
    expect(sgb?.data).toMatchObject({ id: 'sgb3-82', version: 1, status: 'active', scope: 'federal', seeded: true, ruleSet: { id: 'sgb3-82', kind: 'course-fee-share' } });
  });

  it('lets operators create and replace programmes as data, validated by the funding library', async () => {
    const regional = { ...EXAMPLE_REGIONAL_PROGRAMME, id: 'proabschluss-test', name: { de: 'ProAbschluss (Test)', en: 'ProAbschluss (test)' }, example: false };
    const created = await h.http().post('/programmes').set('Authorization', `Bearer ${operator}`).send({ programme: regional, scope: 'Hessen' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'proabschluss-test', version: 1, scope: 'Hessen', seeded: false });
    const again = await h.http().post('/programmes').set('Authorization', `Bearer ${operator}`).send({ programme: regional });
    expect(again.status).toBe(409);
    const retired = await h.http().put('/programmes/proabschluss-test').set('Authorization', `Bearer ${operator}`).send({ programme: regional, status: 'retired' });
    expect(retired.body).toMatchObject({ version: 2, status: 'retired' });
    const updated = await until(async () => (await h.streamEvents()).find((event) => event.type === 'catalogue.programme.updated.v1' && event.subject === 'proabschluss-test'));
    expect(updated.data).toMatchObject({ version: 2, status: 'retired' });
    expect((await h.http().get('/programmes')).body.items.map((item: { id: string }) => item.id)).not.toContain('proabschluss-test');
    const broken = await h.http().post('/programmes').set('Authorization', `Bearer ${operator}`).send({ programme: { ...regional, id: 'kaputt', versions: [{ validFrom: 'gestern', conditions: [], benefits: [] }] } });
    expect(broken.status).toBe(422);
    expect(broken.body.code).toBe('programme.invalid');
    expect(broken.body.errors[0].field).toMatch(/^programme\.versions\[0\]/);
    const mismatch = await h.http().put('/programmes/sgb3-82').set('Authorization', `Bearer ${operator}`).send({ programme: regional });
    expect(mismatch.status).toBe(422);
  });

  it('answers which programmes apply for a company, its participants and a course date, and what the company pays', async () => {
    const provider = await verifiedProvider(h);
    const offer = await publishedOffer(h, provider, offerBody({ title: 'CNC-Fachkraft', hours: 320, priceCents: 400000, dates: [courseDate({ startDate: inDays(30), endDate: inDays(120) })] }));
    const company = await h.token('company', '11111111-1111-4111-8111-111111111111');
    const ask = (headCount: number, participants: object[]) =>
      h.http().post('/funding/evaluate').set('Authorization', `Bearer ${company}`).send({ company: { headCount, districtKey: '06635' }, participants, courseDateId: offer.dates[0].id });
    const small = await ask(30, [{ count: 2, employed: true, age: 38, qualificationYearsAgo: 6 }]);
    expect(small.status).toBe(200);
    const sgb = small.body.result.programmes.find((programme: { programmeId: string }) => programme.programmeId === 'sgb3-82');
    expect(sgb).toMatchObject({ applies: true });
    expect(small.body.best.companyPaysCents).toBe(0);
    const medium = await ask(100, [{ count: 2, employed: true, age: 38, qualificationYearsAgo: 6, lastFundedUnder: [] }]);
    const mediumSgb = medium.body.result.programmes.find((programme: { programmeId: string }) => programme.programmeId === 'sgb3-82');
    expect(mediumSgb.totals.companyPaysCents).toBe(400000); // 50 % of 2 × 4,000 €
    expect(medium.body.explanation.de).toMatch(/€|EUR/);
    expect((await h.http().post('/funding/evaluate').set('Authorization', `Bearer ${company}`).send({ company: { headCount: 5 }, participants: [{}], courseDateId: '11111111-1111-4111-8111-111111111111' })).status).toBe(404);
    expect((await h.http().post('/funding/evaluate').send({ company: { headCount: 5 }, participants: [{}], courseDateId: offer.dates[0].id })).status).toBe(401);
  });
});
