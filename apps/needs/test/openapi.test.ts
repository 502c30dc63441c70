import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NeedsHarness, startNeeds } from './support/needs-harness';

/** docs/api/needs.openapi.json is generated (scripts/write-openapi.ts); this catches drift. */
describe('OpenAPI document', () => {
  let h: NeedsHarness;

  beforeAll(async () => {
    h = await startNeeds('needsopenapi');
  });
  afterAll(() => h?.close());

  it('is served at /docs/openapi.json and matches the checked-in file', async () => {
    const served = await h.http().get('/docs/openapi.json');
    expect(served.status).toBe(200);
    const file = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'docs', 'api', 'needs.openapi.json'), 'utf8'));
    expect(served.body.openapi).toBe('3.1.0');
    expect(served.body.paths).toEqual(file.paths);
    expect(served.body.components).toEqual(file.components);
  });
});
