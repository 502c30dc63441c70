import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import request from 'supertest';
import { Module } from '@nestjs/common';
import { bootstrapService, buildOpenApiDocument, HealthModule, writeOpenApiDocument } from '../src';
import { TestController } from './support/test-controller';
import { startTestApp, TestApp } from './support/test-app';

@Module({ controllers: [TestController] })
class DocsOnlyModule {}

describe('OpenAPI document', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({}, [HealthModule.forRoot({ checks: [] })]);
  });
  afterAll(() => testApp.close());

  it('serves OpenAPI 3.1 with a bearer scheme at /docs/openapi.json and the UI at /docs', async () => {
    const server = testApp.app.getHttpServer();
    const document = (await request(server).get('/docs/openapi.json').expect(200)).body;
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearer: [] }]);
    // @Public operations need no token; the others inherit the bearer requirement.
    expect(document.paths['/public/ping'].get.security).toEqual([]);
    expect(document.paths['/health/live'].get.security).toEqual([]);
    expect(document.paths['/coordination'].get.security).toBeUndefined();
    expect(document.paths['/metrics']).toBeUndefined();
    expect((await request(server).get('/docs').redirects(1)).text).toMatch(/swagger/i);
  });

  it('describes DTOs from their validation rules, nested ones included', async () => {
    const { components, paths } = (await request(testApp.app.getHttpServer()).get('/docs/openapi.json')).body;
    expect(paths['/items'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateItemDto' });
    expect(components.schemas.CreateItemDto).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['name', 'quantity', 'address']),
      properties: { name: { type: 'string', minLength: 1, maxLength: 50 }, quantity: { type: 'integer', minimum: 1 } },
    });
    expect(JSON.stringify(components.schemas.CreateItemDto.properties.address)).toContain('#/components/schemas/AddressDto');
    expect(components.schemas.AddressDto.properties.postalCode).toMatchObject({ type: 'string', pattern: '^\\d{5}$' });
  });

  it('documents problem+json responses', async () => {
    const { components, paths } = (await request(testApp.app.getHttpServer()).get('/docs/openapi.json')).body;
    expect(components.schemas.ProblemDetails.required).toEqual(['type', 'title', 'status']);
    expect(paths['/items'].post.responses).toMatchObject({
      '400': { $ref: '#/components/responses/BadRequest' },
      '401': { $ref: '#/components/responses/Unauthenticated' },
      '413': { $ref: '#/components/responses/PayloadTooLarge' },
      default: { $ref: '#/components/responses/Problem' },
    });
    expect(paths['/public/ping'].get.responses['429']).toEqual({ $ref: '#/components/responses/TooManyRequests' });
    expect(paths['/public/ping'].get.responses['401']).toBeUndefined();
  });

  it('writes the document to a file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'openapi-'));
    try {
      const file = join(directory, 'api', 'test.openapi.json');
      // As a generator script would: build the app without listening, write, close.
      const app = await bootstrapService({ appModule: DocsOnlyModule, serviceName: 'test', config: testApp.config, listen: false, logDestination: new Writable({ write: (_c, _e, callback) => callback() }) });
      try {
        await writeOpenApiDocument(buildOpenApiDocument(app, { serviceName: 'test' }), file);
      } finally {
        await app.close();
      }
      const written = JSON.parse(await readFile(file, 'utf8'));
      expect(written.info.title).toBe('Bildungsraum – test');
      expect(written.paths['/items'].post).toBeDefined();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
