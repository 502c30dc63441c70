import { Writable } from 'node:stream';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createLogger, loadConfig, mintDevToken, PlatformModule, PROBLEM_TYPES, ServiceConfig } from '../src';
import { TestController } from './support/test-controller';

/** Without bootstrapService (Nest's own body parser, no Express-level middleware) the guarantees still hold. */
describe('PlatformModule in an app built by hand', () => {
  let app: NestExpressApplication;
  let config: ServiceConfig;

  beforeAll(async () => {
    config = loadConfig(ServiceConfig, { DATABASE_URL: 'postgres://postgres@127.0.0.1/postgres', NATS_URL: 'nats://127.0.0.1:4222' });
    const logger = createLogger({ serviceName: 'by-hand', level: 'info', destination: new Writable({ write: (_c, _e, callback) => callback() }) });
    @Module({ imports: [PlatformModule.forRoot(config, { serviceName: 'by-hand', logger })], controllers: [TestController] })
    class ByHandModule {}
    app = await NestFactory.create<NestExpressApplication>(ByHandModule, { logger: false });
    await app.init();
  });
  afterAll(() => app.close());

  it('validates bodies, answers problem+json and echoes the correlation id', async () => {
    const token = await mintDevToken({ role: 'company', partnerId: 'p-1' }, config);
    const response = await request(app.getHttpServer())
      .post('/items')
      .set('Authorization', `Bearer ${token}`)
      .set('x-correlation-id', 'by-hand-1')
      .send({ name: 'Kurs', quantity: 1, address: { postalCode: '34117' }, unknown: 1 });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: PROBLEM_TYPES.validation, correlationId: 'by-hand-1' });
    expect(response.headers['x-correlation-id']).toBe('by-hand-1');
  });

  it('still requires a token', async () => {
    expect((await request(app.getHttpServer()).get('/coordination')).status).toBe(401);
  });
});
