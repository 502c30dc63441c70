import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { referenceDataDirectory } from '@bildungsraum/reference-data';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';
import { CATALOGUE_DATA_SOURCE } from '../src/shared/infra/catalogue-store';
import { demoId, loadDemo } from '../src/demo/load-demo';

describe('demo loader', () => {
  let h: CatalogueHarness;
  let dir: string;

  beforeAll(async () => {
    h = await startCatalogue('catdemo');
    dir = mkdtempSync(join(tmpdir(), 'catalogue-demo-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await h?.close();
  });

  it('skips without the partners demo file', async () => {
    const outcome = await loadDemo(h.app.get<DataSource>(CATALOGUE_DATA_SOURCE), join(dir, 'missing.json'));
    expect(outcome.skipped).toMatch(/missing/);
  });

  it('loads CNC and forklift courses in Nordhessen and the KURSNET sample, idempotently, through the outbox', async () => {
    const file = join(dir, 'demo-partners.json');
    const partners = [
      { id: '0f0f0f0f-0000-4000-8000-000000000001', name: 'Bildungswerk Nordhessen (Demo)', role: 'provider' },
      { id: '0f0f0f0f-0000-4000-8000-000000000002', name: 'Berufliche Schulen Korbach (Demo)', role: 'provider' },
      { id: '0f0f0f0f-0000-4000-8000-000000000003', name: 'Weserbergland Akademie (Demo)', role: 'provider' },
      { id: '0f0f0f0f-0000-4000-8000-000000000004', name: 'Metallbau Korbach (Demo)', role: 'company' },
    ];
    writeFileSync(file, JSON.stringify({ networks: {}, partners }));
    const dataSource = h.app.get<DataSource>(CATALOGUE_DATA_SOURCE);
    const first = await loadDemo(dataSource, file, referenceDataDirectory());
    expect(first.refused).toEqual([]);
    expect(first.created).toBe(27); // 7 demo offers + 20 KURSNET sample courses
    const outbox = async () => Number((await h.sql<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE type LIKE 'catalogue.offer.%'`))[0].n);
    const events = await outbox();
    expect(await loadDemo(dataSource, file, referenceDataDirectory())).toEqual({ created: 0, existing: 27, refused: [] });
    expect(await outbox()).toBe(events);

    const forklift = await h.http().get('/search?q=Stapler&postalCode=34576&radiusKm=40&sort=distance');
    expect(forklift.body.items[0]).toMatchObject({ offerId: demoId('stapler-homberg'), minParticipants: 8, seatsFree: 7, city: 'Homberg (Efze)' });
    const cnc = await h.http().get('/search?q=CNC&postalCode=34117&radiusKm=50');
    expect(cnc.body.total).toBeGreaterThanOrEqual(3);
    const sample = await h.http().get('/search?q=Scrum');
    expect(sample.body.items.length).toBeGreaterThanOrEqual(1);
  });
});
