import request from 'supertest';
import { mintDevToken, PROBLEM_TYPES } from '../src';
import { startTestApp, TestApp } from './support/test-app';

const PARTNER = '0b6c3c0e-2f7a-4c53-9a43-8a2d1c7e5f10';
const validItem = { name: 'Schweißkurs', quantity: 3, address: { postalCode: '44137' } };

describe('problem+json for every error (RFC 9457)', () => {
  let testApp: TestApp;
  let token: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    token = await mintDevToken({ role: 'company', partnerId: PARTNER }, testApp.config);
  });
  afterAll(() => testApp.close());

  const post = (body: string, contentType = 'application/json') =>
    request(testApp.app.getHttpServer()).post('/items').set('Authorization', `Bearer ${token}`).set('Content-Type', contentType).send(body);

  function expectProblem(response: request.Response, status: number, type: string): Record<string, unknown> {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type, status, title: expect.any(String), detail: expect.any(String), correlationId: expect.any(String) });
    expect(response.body.correlationId).toBe(response.headers['x-correlation-id']);
    return response.body as Record<string, unknown>;
  }

  it('accepts a valid body and converts it into the DTO class', async () => {
    const response = await post(JSON.stringify(validItem));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ body: validItem, isDto: true });
  });

  it('answers malformed JSON with 400', async () => {
    const body = expectProblem(await post('{"name": "x",'), 400, PROBLEM_TYPES.malformedBody);
    expect(body.instance).toBe('/items');
  });

  it('rejects unknown fields with 400 naming the field', async () => {
    const body = expectProblem(await post(JSON.stringify({ ...validItem, isAdmin: true })), 400, PROBLEM_TYPES.validation);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'isAdmin', pointer: '#/isAdmin', in: 'body' })]);
  });

  it('lists every invalid field, including nested ones', async () => {
    const response = await post(JSON.stringify({ name: '', quantity: 0, address: { postalCode: 'abc' } }));
    const body = expectProblem(response, 400, PROBLEM_TYPES.validation);
    const errors = body.errors as Array<{ field: string; pointer: string; messages: string[] }>;
    expect(errors.map((error) => error.field).sort()).toEqual(['address.postalCode', 'name', 'quantity']);
    expect(errors.find((error) => error.field === 'address.postalCode')).toEqual(
      expect.objectContaining({ pointer: '#/address/postalCode', messages: ['postalCode must be five digits'] }),
    );
  });

  it('reports missing required fields', async () => {
    const body = expectProblem(await post('{}'), 400, PROBLEM_TYPES.validation);
    expect((body.errors as Array<{ field: string }>).map((error) => error.field).sort()).toEqual(['address', 'name', 'quantity']);
  });

  it('refuses a body over the limit with 413', async () => {
    const body = expectProblem(await post(JSON.stringify({ ...validItem, name: 'x'.repeat(5000) })), 413, PROBLEM_TYPES.payloadTooLarge);
    expect(body.limit).toBe('2kb');
  });

  it('refuses other content types with 415', async () => {
    expectProblem(await post('name=x', 'application/x-www-form-urlencoded'), 415, PROBLEM_TYPES.unsupportedMediaType);
    expectProblem(await post('<item/>', 'text/xml'), 415, PROBLEM_TYPES.unsupportedMediaType);
  });

  it('answers unknown routes and NotFoundProblem with 404', async () => {
    const server = testApp.app.getHttpServer();
    expectProblem(await request(server).get('/nowhere').set('Authorization', `Bearer ${token}`), 404, PROBLEM_TYPES.notFound);
    const body = expectProblem(await request(server).get('/items/missing').set('Authorization', `Bearer ${token}`), 404, PROBLEM_TYPES.notFound);
    expect(body.detail).toBe('Angebot nicht gefunden.');
    expect(body.instance).toBe('/items/missing');
  });

  it('answers conflicts with 409 and keeps extension members', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/items/conflict').set('Authorization', `Bearer ${token}`);
    expect(expectProblem(response, 409, PROBLEM_TYPES.conflict).currentVersion).toBe(4);
  });

  it('answers a broken domain rule (DomainError) with its problem, without any interceptor', async () => {
    const server = testApp.app.getHttpServer();
    const closed = expectProblem(await request(server).get('/items/closed').set('Authorization', `Bearer ${token}`), 409, PROBLEM_TYPES.conflict);
    expect(closed).toMatchObject({ detail: 'Das Angebot ist geschlossen.', code: 'item.closed', instance: '/items/closed' });
    const tooMany = await request(server).get('/items/too-many').set('Authorization', `Bearer ${token}`);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({
      code: 'item.too-many',
      errors: [{ field: 'quantity', pointer: '#/quantity', in: 'body', messages: ['höchstens 12'] }],
    });
  });

  it('turns unexpected errors into a generic 500 without internals, and logs them', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/items/boom').set('Authorization', `Bearer ${token}`);
    expectProblem(response, 500, PROBLEM_TYPES.internal);
    expect(response.text).not.toMatch(/secret-db|at .*\.ts|stack/);
    const logged = testApp.logs.find((line) => line.msg === 'request failed' && line.correlationId === response.body.correlationId);
    expect(JSON.stringify(logged)).toContain('secret-db');
  });
});
