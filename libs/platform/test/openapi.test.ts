import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import request from 'supertest';
import { Module } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import { bootstrapService, buildOpenApiDocument, HealthModule, writeOpenApiDocument } from '../src';
import { nullableAsType } from '../src/openapi/nullable-as-type';
import { pruneUnusedSchemas } from '../src/openapi/prune-unused-schemas';
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

  it('names its licence, a server relative to the document and a summary for every operation (Redocly recommended rules)', async () => {
    const document = (await request(testApp.app.getHttpServer()).get('/docs/openapi.json')).body;
    expect(document.info.license).toMatchObject({ name: 'EUPL-1.2' });
    expect(document.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    expect(document.paths['/health/live'].get.summary).toEqual(expect.any(String));
    expect(document.paths['/health/ready'].get.summary).toEqual(expect.any(String));
  });

  it('keeps only the schemas that operations reach, directly or through other schemas', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } }, responses: {} } } },
      components: {
        responses: { Problem: { description: 'p', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } } },
        schemas: {
          A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
          B: { type: 'object', properties: { c: { type: 'array', items: { $ref: '#/components/schemas/C' } } } },
          C: { type: 'string' },
          ProblemDetails: { type: 'object' },
          EventPayloadV1: { type: 'object', properties: { c: { $ref: '#/components/schemas/C' } } },
        },
      },
    } as unknown as OpenAPIObject;
    expect(Object.keys(pruneUnusedSchemas(document).components?.schemas ?? {}).sort()).toEqual(['A', 'B', 'C', 'ProblemDetails']);
  });

  it('writes nullable properties the OpenAPI 3.1 way (a null type), not with 3.0\'s nullable', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Hit: {
            type: 'object',
            properties: {
              city: { type: 'string', nullable: true },
              venue: { $ref: '#/components/schemas/Venue', nullable: true },
              title: { type: 'string', nullable: false },
            },
          },
        },
      },
    } as unknown as OpenAPIObject;
    expect(nullableAsType(document).components?.schemas?.Hit).toEqual({
      type: 'object',
      properties: {
        city: { type: ['string', 'null'] },
        venue: { anyOf: [{ $ref: '#/components/schemas/Venue' }, { type: 'null' }] },
        title: { type: 'string' },
      },
    });
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
