import { SignJWT } from 'jose';
import request from 'supertest';
import { mintDevToken, PROBLEM_TYPES, principalFromClaims, TokenVerifier } from '../src';
import { startTestApp, TEST_SECRET, TestApp } from './support/test-app';

const PARTNER = '5a0d7c7e-31c4-4b3e-8d8e-5d6a3b1f2c90';

describe('authentication with development tokens (AUTH_MODE=local)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp.close());

  const get = (path: string, token?: string) => {
    const call = request(testApp.app.getHttpServer()).get(path);
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  it('round-trips a dev token into the principal', async () => {
    const token = await mintDevToken({ role: 'coordinator', partnerId: PARTNER, subject: 'anna' }, testApp.config);
    const response = await get('/coordination', token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'anna', roles: ['coordinator'], partnerId: PARTNER });
  });

  it('answers a missing token with 401 and WWW-Authenticate', async () => {
    const response = await get('/coordination');
    expect(response.status).toBe(401);
    expect(response.body.type).toBe(PROBLEM_TYPES.unauthenticated);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers a token with a wrong signature with 401 invalid_token', async () => {
    const forged = await new SignJWT({ roles: ['operator'], partner_id: PARTNER })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer('bildungsraum-dev')
      .setAudience('bildungsraum')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const response = await get('/coordination', forged);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect((await get('/coordination', 'not.a.jwt')).status).toBe(401);
  });

  it('answers an expired token with 401 and says so', async () => {
    const expired = await new SignJWT({ roles: ['coordinator'], partner_id: PARTNER })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('anna')
      .setIssuer('bildungsraum-dev')
      .setAudience('bildungsraum')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(TEST_SECRET));
    const response = await get('/coordination', expired);
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/abgelaufen/);
  });

  it('answers a wrong role with 403', async () => {
    const token = await mintDevToken({ role: 'company', partnerId: PARTNER }, testApp.config);
    const response = await get('/coordination', token);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: PROBLEM_TYPES.forbidden, requiredRoles: ['coordinator', 'operator'] });
  });

  it('lets anonymous callers reach @Public routes and still reads a sent token', async () => {
    expect((await get('/public/ping')).body.principal).toBeNull();
    const token = await mintDevToken({ role: ['provider', 'company'], partnerId: PARTNER, subject: 'bob' }, testApp.config);
    expect((await get('/public/ping', token)).body.principal).toEqual({ subject: 'bob', roles: ['provider', 'company'], partnerId: PARTNER });
    expect((await get('/public/ping', 'garbage')).status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await request(testApp.app.getHttpServer()).get('/coordination').set('Authorization', 'Basic dXNlcjpwdw==');
    expect(response.status).toBe(401);
  });

  it('requires a partner claim (403 without one)', async () => {
    const token = await new SignJWT({ roles: ['operator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('orphan')
      .setIssuer('bildungsraum-dev')
      .setAudience('bildungsraum')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_SECRET));
    expect((await get('/coordination', token)).status).toBe(403);
  });

  it('keeps a verified token only until it expires', async () => {
    let now = Date.now();
    const verifier = new TokenVerifier({ ...testApp.config, AUTH_CLOCK_TOLERANCE_SECONDS: 0 }, () => now);
    const token = await mintDevToken({ role: 'company', partnerId: PARTNER, subject: 'carla', ttl: '30s' }, testApp.config);
    const first = await verifier.verify(token);
    first.roles.push('operator'); // a handler changing its copy must not change the next request's
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'carla', roles: ['company'], partnerId: PARTNER });
    now += 31_000;
    await expect(verifier.verify(token)).rejects.toMatchObject({ status: 401 });
  });

  it('mints tokens for Keycloak-style claim names too', async () => {
    const settings = { ...testApp.config, AUTH_ROLES_CLAIM: ['realm_access.roles'], AUTH_PARTNER_CLAIM: 'org.partner' };
    const token = await mintDevToken({ role: 'operator', partnerId: PARTNER, subject: 'op' }, settings);
    await expect(new TokenVerifier(settings).verify(token)).resolves.toEqual({ subject: 'op', roles: ['operator'], partnerId: PARTNER });
  });
});

describe('principalFromClaims', () => {
  const settings = { AUTH_ROLES_CLAIM: ['roles', 'realm_access.roles'], AUTH_PARTNER_CLAIM: 'partner_id' };

  it("merges Keycloak's realm_access.roles and ignores unknown roles", () => {
    const principal = principalFromClaims(
      { sub: 'u1', partner_id: PARTNER, roles: ['provider'], realm_access: { roles: ['offline_access', 'coordinator', 'uma_authorization'] } },
      settings,
    );
    expect(principal).toEqual({ subject: 'u1', roles: ['provider', 'coordinator'], partnerId: PARTNER });
  });

  it('accepts a space-separated role string', () => {
    expect(principalFromClaims({ sub: 'u2', partner_id: PARTNER, roles: 'company operator' }, settings).roles).toEqual(['company', 'operator']);
  });
});
