import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { EVENT_CATALOG, STREAMS } from '../src';
import { ASYNCAPI_PATH, renderContractDocs, REPO_ROOT, SCHEMAS_DIR } from '../scripts/asyncapi/render-contract-docs';

/** The CI check of ARCHITECTURE.md §3: the checked-in event documentation matches the contract classes. */
describe('generated event documentation', () => {
  const rendered = renderContractDocs();

  it.each([...rendered.keys()])('%s is up to date', (path) => {
    const file = resolve(REPO_ROOT, path);
    const onDisk = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (onDisk !== rendered.get(path)) {
      throw new Error(`${path} is stale: run npm run asyncapi`);
    }
  });

  it('has no schema files of events that left the catalogue', () => {
    const extra = readdirSync(resolve(REPO_ROOT, SCHEMAS_DIR)).filter((name) => !rendered.has(`${SCHEMAS_DIR}/${name}`));
    if (extra.length) throw new Error(`${SCHEMAS_DIR} has stale files (${extra.join(', ')}): run npm run asyncapi`);
  });

  it('renders the same bytes every time (stable key order)', () => {
    expect(renderContractDocs()).toEqual(rendered);
  });

  it('is a valid AsyncAPI 3 document without error diagnostics', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(resolve(REPO_ROOT, ASYNCAPI_PATH), 'utf8'));
    // Spectral severities: 0 error, 1 warning, 2 information, 3 hint.
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.code}: ${error.message} at ${error.path.join('.')}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.operations().all().map((operation) => operation.action())).toEqual(EVENT_CATALOG.map(() => 'send'));
  });

  it('documents every catalogued event with its subject, stream, headers and payload schema', () => {
    const doc = parse(rendered.get(ASYNCAPI_PATH) as string);
    for (const definition of EVENT_CATALOG) {
      const channel = Object.values(doc.channels as Record<string, { address: string; description: string }>).find(
        (candidate) => candidate.address === `{prefix}${definition.type}`,
      );
      expect(channel?.description).toContain('365');
      expect(channel).toMatchObject({ 'x-jetstream': { stream: STREAMS[definition.service], subjects: `${definition.service}.>`, maxAge: 'P365D', retention: 'limits' } });
      expect(doc.components.schemas[definition.payload.name].properties).toBeDefined();
    }
    const headers = doc.components.schemas.CloudEventHeaders;
    expect(Object.keys(headers.properties)).toEqual(
      expect.arrayContaining(['ce-id', 'ce-source', 'ce-type', 'ce-specversion', 'ce-time', 'ce-subject', 'ce-datacontenttype', 'ce-correlationid', 'ce-causationid', 'traceparent']),
    );
    expect(headers.required).toEqual(['ce-id', 'ce-source', 'ce-type', 'ce-specversion', 'ce-time', 'ce-subject', 'ce-datacontenttype']);
  });

  it('resolves nested classes (@Type) to their own schemas', () => {
    const schema = JSON.parse(rendered.get(`${SCHEMAS_DIR}/partners.partner.registered.v1.schema.json`) as string);
    expect(schema.properties.sites).toEqual({ type: 'array', items: { $ref: '#/$defs/PartnerSiteV1' } });
    expect(Object.keys(schema.$defs)).toEqual(['CompanyFactsV1', 'GeoPointV1', 'PartnerSiteV1', 'ProviderFactsV1']);
    expect(schema.$defs.GeoPointV1.properties.lat).toMatchObject({ type: 'number', minimum: -90, maximum: 90 });
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'version', 'kind', 'name', 'status', 'sites']));
  });
});
