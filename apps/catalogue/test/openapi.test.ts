import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalogueHarness, startCatalogue } from './support/catalogue-harness';

/** docs/api/catalogue.openapi.json is generated (scripts/write-openapi.ts); this catches drift. */
describe('OpenAPI document', () => {
  let h: CatalogueHarness;

  beforeAll(async () => {
    h = await startCatalogue('catopenapi');
  });
  afterAll(() => h?.close());

  it('is served at /docs/openapi.json, matches the checked-in file and marks the public routes', async () => {
    const served = await h.http().get('/docs/openapi.json');
    expect(served.status).toBe(200);
    const file = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'docs', 'api', 'catalogue.openapi.json'), 'utf8'));
    expect(served.body.openapi).toBe('3.1.0');
    expect(served.body.paths).toEqual(file.paths);
    expect(served.body.components).toEqual(file.components);
    expect(served.body.paths['/search'].get.security).toEqual([]);
    expect(served.body.paths['/skills'].get.security).toEqual([]);
  });
});
