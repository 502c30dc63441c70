import request from 'supertest';
import { mintDevToken, PROBLEM_TYPES } from '../src';
import { startTestApp, TestApp } from './support/test-app';

describe('rate limit on public endpoints', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ RATE_LIMIT_PUBLIC_LIMIT: '3', RATE_LIMIT_PUBLIC_WINDOW_SECONDS: '60' });
  });
  afterAll(() => testApp.close());

  it('answers 429 problem+json with Retry-After once the window is used up', async () => {
    const server = testApp.app.getHttpServer();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const response = await request(server).get('/public/ping');
      expect(response.status).toBe(200);
      expect(response.headers['x-ratelimit-remaining']).toBe(String(3 - attempt));
    }
    const limited = await request(server).get('/public/ping');
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ type: PROBLEM_TYPES.rateLimited, status: 429, title: 'Too Many Requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not limit authenticated routes, health or metrics', async () => {
    const server = testApp.app.getHttpServer();
    const token = await mintDevToken({ role: 'operator', partnerId: '7d9e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b' }, testApp.config);
    for (let attempt = 0; attempt < 6; attempt += 1) {
      expect((await request(server).get('/coordination').set('Authorization', `Bearer ${token}`)).status).toBe(200);
      expect((await request(server).get('/metrics')).status).toBe(200);
    }
  });
});
