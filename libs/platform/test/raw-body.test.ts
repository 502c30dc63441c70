import { Body, Controller, Module, Post } from '@nestjs/common';
import { IsBase64, IsOptional, IsString } from 'class-validator';
import request from 'supertest';
import { buildOpenApiDocument, ApiRawRequestBody, mintDevToken, PROBLEM_TYPES, RawBodyRoute } from '../src';
import { startTestApp, TestApp } from './support/test-app';

const PARTNER = '0b6c3c0e-2f7a-4c53-9a43-8a2d1c7e5f10';

class UploadDto {
  @IsBase64() contentBase64!: string;
  @IsOptional() @IsString() fileName?: string;
}

@Controller('uploads')
class UploadController {
  @Post()
  @ApiRawRequestBody('text/csv', 'Die CSV-Datei / the CSV file')
  upload(@Body() body: UploadDto): { text: string; fileName?: string } {
    return { text: Buffer.from(body.contentBase64, 'base64').toString('utf8'), ...(body.fileName ? { fileName: body.fileName } : {}) };
  }
}

@Module({ controllers: [UploadController] })
class UploadModule {}

const csvRoute: RawBodyRoute = {
  path: '/uploads',
  types: ['text/csv'],
  limit: '1kb',
  toBody: (bytes, req) => ({ contentBase64: bytes.toString('base64'), ...(req.query.fileName !== undefined ? { fileName: req.query.fileName } : {}) }),
};

describe('raw bodies on the routes that ask for them', () => {
  let testApp: TestApp;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp({}, [UploadModule], [csvRoute]);
    token = await mintDevToken({ role: 'company', partnerId: PARTNER }, testApp.config);
  });
  afterAll(() => testApp.close());

  const post = (path: string, body: string | Buffer, contentType: string) =>
    request(testApp.app.getHttpServer()).post(path).set('Authorization', `Bearer ${token}`).set('Content-Type', contentType).send(body);

  it('hands the raw bytes to the route through its DTO, query parameters included', async () => {
    const response = await post('/uploads?fileName=bedarfe.csv', 'Unternehmen;Bedarf\nMetallbau;Stapler', 'text/csv; charset=utf-8');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ text: 'Unternehmen;Bedarf\nMetallbau;Stapler', fileName: 'bedarfe.csv' });
  });

  it('still takes JSON on the same route', async () => {
    const response = await post('/uploads', JSON.stringify({ contentBase64: Buffer.from('a;b').toString('base64') }), 'application/json');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ text: 'a;b' });
  });

  it('validates what toBody made like any JSON body (400 naming the field)', async () => {
    const response = await post('/uploads?fileName=a&fileName=b', 'a;b', 'text/csv');
    expect(response.status).toBe(400);
    expect(response.body.type).toBe(PROBLEM_TYPES.validation);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'fileName' })]);
  });

  it('applies the route’s own size limit (413)', async () => {
    const response = await post('/uploads', Buffer.alloc(2048, 'a'), 'text/csv');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ type: PROBLEM_TYPES.payloadTooLarge, limit: '1kb' });
  });

  it('refuses the raw type everywhere else and other types on the route (415)', async () => {
    expect((await post('/items', 'a;b', 'text/csv')).status).toBe(415);
    expect((await post('/uploads', '<a/>', 'text/xml')).status).toBe(415);
  });

  it('needs a token like any other route (401)', async () => {
    const response = await request(testApp.app.getHttpServer()).post('/uploads').set('Content-Type', 'text/csv').send('a;b');
    expect(response.status).toBe(401);
  });

  it('documents the raw media type beside JSON', () => {
    const document = buildOpenApiDocument(testApp.app, { serviceName: 'platform-test' });
    const content = (document.paths['/uploads']?.post?.requestBody as { content: Record<string, unknown> }).content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'text/csv']);
    expect(content['text/csv']).toEqual({ schema: { type: 'string', description: 'Die CSV-Datei / the CSV file' } });
  });
});
