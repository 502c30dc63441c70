import request from 'supertest';
import { currentCause, runWithCause } from '../src';
import { startTestApp, TestApp } from './support/test-app';

describe('correlation ids and request context', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  const ping = () => request(testApp.app.getHttpServer()).get('/public/ping');

  it('takes x-correlation-id, echoes it and exposes it via currentCause() after async hops', async () => {
    const response = await ping().set('x-correlation-id', 'req-4711');
    expect(response.headers['x-correlation-id']).toBe('req-4711');
    expect(response.body.cause).toEqual({ correlationId: 'req-4711' });
  });

  it('falls back to the W3C trace id and keeps the traceparent for events', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const response = await ping().set('traceparent', traceparent);
    expect(response.headers['x-correlation-id']).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(response.body.cause).toEqual({ correlationId: '4bf92f3577b34da6a3ce929d0e0e4736', traceparent });
  });

  it('generates an id when none (or an unsafe one) is sent', async () => {
    const generated = await ping();
    expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    for (const unsafe of ['has spaces <script>', 'x'.repeat(200)]) {
      expect((await ping().set('x-correlation-id', unsafe)).headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('carries the id into a handler after body parsing', async () => {
    const response = await request(testApp.app.getHttpServer())
      .post('/public/echo')
      .set('x-correlation-id', 'with-body-1')
      .send({ name: 'Kurs', quantity: 1, address: { postalCode: '10115' } });
    expect(response.status).toBe(201);
    expect(response.body.cause).toEqual({ correlationId: 'with-body-1' });
  });

  it('puts the correlation id on every log line of the request, including Nest logger calls', async () => {
    await ping().set('x-correlation-id', 'log-line-check');
    const lines = testApp.logs.filter((line) => line.correlationId === 'log-line-check');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['ping handled', 'request completed']));
    expect(lines.find((line) => line.msg === 'ping handled')).toMatchObject({ context: 'TestController', service: 'platform-test', level: 'info' });
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({ status: 200, route: '/public/ping', method: 'GET' });
  });

  it('runWithCause chains an event handler onto the incoming event', async () => {
    const incoming = { id: 'evt-1', correlationid: 'corr-9', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' };
    const cause = await runWithCause({ correlationId: incoming.correlationid, causationId: incoming.id, traceparent: incoming.traceparent }, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return currentCause();
    });
    expect(cause).toEqual({ correlationId: 'corr-9', causationId: 'evt-1', traceparent: incoming.traceparent });
  });

  it('starts a fresh chain outside any request', () => {
    const first = currentCause();
    expect(first.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(currentCause().correlationId).not.toBe(first.correlationId);
  });
});
