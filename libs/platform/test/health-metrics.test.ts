import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import request from 'supertest';
import { HealthModule, Metrics, natsCheck, postgresCheck } from '../src';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { startTestApp, TestApp } from './support/test-app';

describe('health and metrics', () => {
  let infrastructure: TestInfrastructure;
  let pool: Pool;
  let nats: NatsConnection;
  let closedNats: NatsConnection;
  let healthy: TestApp;
  let unhealthy: TestApp;

  beforeAll(async () => {
    infrastructure = await provisionTestInfrastructure('platformhealth');
    pool = new Pool({ connectionString: infrastructure.databaseUrl, max: 2 });
    nats = await connect({ servers: infrastructure.natsUrl });
    closedNats = await connect({ servers: infrastructure.natsUrl });
    await closedNats.close();
    healthy = await startTestApp({}, [HealthModule.forRoot({ checks: [postgresCheck(pool), natsCheck(nats)] })]);
    unhealthy = await startTestApp({}, [
      HealthModule.forRootAsync({ useFactory: () => [postgresCheck(pool), natsCheck(closedNats), { name: 'slow', timeoutMs: 50, check: () => new Promise(() => undefined) }] }),
    ]);
  });
  afterAll(async () => {
    await healthy?.close();
    await unhealthy?.close();
    await nats?.close();
    await pool?.end();
    await infrastructure?.dispose();
  });

  it('reports live without a token', async () => {
    const response = await request(healthy.app.getHttpServer()).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'up' });
  });

  it('reports ready when Postgres and NATS answer', async () => {
    const response = await request(healthy.app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', checks: { postgres: { status: 'up' }, nats: { status: 'up' } } });
  });

  it('answers 503 naming each failing check', async () => {
    const response = await request(unhealthy.app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      status: 'down',
      checks: { postgres: { status: 'up' }, nats: { status: 'down', error: 'NATS connection is closed' }, slow: { status: 'down', error: 'timed out after 50 ms' } },
    });
  });

  it('exposes the request histogram with method, route template and status', async () => {
    const server = healthy.app.getHttpServer();
    await request(server).get('/public/ping');
    await request(server).get('/items/123');
    const response = await request(server).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/http_server_request_duration_seconds_count\{service="platform-test",method="GET",route="\/public\/ping",status_code="200"\} 1/);
    // Unauthenticated call: still counted, under its template rather than the raw id.
    expect(response.text).toMatch(/http_server_request_duration_seconds_count\{service="platform-test",method="GET",route="\/items\/:id",status_code="401"\} 1/);
    expect(response.text).toContain('process_cpu_user_seconds_total');
  });

  it('lets libraries register their own metrics, idempotently', async () => {
    const metrics = healthy.app.get(Metrics);
    const relayed = metrics.counter({ name: 'outbox_relayed_total', help: 'Events relayed', labelNames: ['stream'] });
    expect(metrics.counter({ name: 'outbox_relayed_total', help: 'Events relayed', labelNames: ['stream'] })).toBe(relayed);
    relayed.inc({ stream: 'NEEDS' }, 2);
    expect((await request(healthy.app.getHttpServer()).get('/metrics')).text).toMatch(/outbox_relayed_total\{stream="NEEDS",service="platform-test"\} 2/);
  });
});
