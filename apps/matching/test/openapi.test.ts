import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MatchingHarness, startMatching } from './support/matching-harness';

/** docs/api/matching.openapi.json is generated (scripts/write-openapi.ts); this catches drift. */
describe('OpenAPI document', () => {
  let h: MatchingHarness;

  beforeAll(async () => {
    h = await startMatching('matchopenapi');
  });
  afterAll(() => h?.close());

  it('is served at /docs/openapi.json and matches the checked-in file', async () => {
    const served = await h.http().get('/docs/openapi.json');
    expect(served.status).toBe(200);
    const file = JSON.parse(readFileSync(resolve(__dirname, '..', '..', '..', 'docs', 'api', 'matching.openapi.json'), 'utf8'));
    expect(served.body.openapi).toBe('3.1.0');
    expect(Object.keys(served.body.paths)).toEqual(expect.arrayContaining(['/needs/{id}/matches', '/matches/{id}/accept', '/matches/{id}/confirm']));
    expect(served.body.paths).toEqual(file.paths);
    expect(served.body.components).toEqual(file.components);
  });
});
