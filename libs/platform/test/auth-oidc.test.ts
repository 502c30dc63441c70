import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import request from 'supertest';
import { PROBLEM_TYPES } from '../src';
import { startTestApp, TestApp } from './support/test-app';

const PARTNER = '9c1f4d3e-6b7a-4e8f-a1b2-c3d4e5f60718';
const AUDIENCE = 'bildungsraum-needs';

/** A minimal OIDC provider: discovery document and JWKS over real HTTP, like Keycloak serves them. */
async function startIdentityProvider(jwks: { keys: JWK[] }): Promise<{ server: Server; issuer: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/bildungsraum`;
    res.setHeader('Content-Type', 'application/json');
    if (req.url === '/realms/bildungsraum/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs` }));
    } else if (req.url === '/realms/bildungsraum/protocol/openid-connect/certs') {
      res.end(JSON.stringify(jwks));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/bildungsraum`, requests };
}

describe('authentication against an OIDC provider (AUTH_MODE=oidc)', () => {
  let signingKey: KeyLike;
  let otherKey: KeyLike;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let testApp: TestApp;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    idp = await startIdentityProvider({ keys: [jwk] });
    testApp = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: idp.issuer, OIDC_AUDIENCE: AUDIENCE });
  });
  afterAll(async () => {
    await testApp.close();
    await new Promise((resolve) => idp.server.close(resolve));
  });

  function keycloakToken(overrides: { issuer?: string; audience?: string; key?: KeyLike; kid?: string; expiresAt?: number } = {}): Promise<string> {
    return new SignJWT({ realm_access: { roles: ['coordinator', 'offline_access'] }, partner_id: PARTNER, azp: 'bildungsraum-web' })
      .setProtectedHeader({ alg: 'RS256', kid: overrides.kid ?? 'key-1' })
      .setSubject('f0e1d2c3')
      .setIssuer(overrides.issuer ?? idp.issuer)
      .setAudience(overrides.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresAt ?? '5m')
      .sign(overrides.key ?? signingKey);
  }

  const get = (token: string) => request(testApp.app.getHttpServer()).get('/coordination').set('Authorization', `Bearer ${token}`);

  it('verifies a token through discovery and the JWKS, mapping realm roles', async () => {
    const response = await get(await keycloakToken());
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ subject: 'f0e1d2c3', roles: ['coordinator'], partnerId: PARTNER });
    expect(idp.requests).toContain('/realms/bildungsraum/.well-known/openid-configuration');
    expect(idp.requests).toContain('/realms/bildungsraum/protocol/openid-connect/certs');
  });

  it('rejects a token for another audience', async () => {
    expect((await get(await keycloakToken({ audience: 'someone-else' }))).status).toBe(401);
  });

  it('rejects a token from another issuer', async () => {
    expect((await get(await keycloakToken({ issuer: 'http://evil.example/realms/bildungsraum' }))).status).toBe(401);
  });

  it('rejects a token signed by a key the provider does not publish', async () => {
    expect((await get(await keycloakToken({ key: otherKey, kid: 'key-1' }))).status).toBe(401);
    expect((await get(await keycloakToken({ key: otherKey, kid: 'unknown' }))).status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const response = await get(await keycloakToken({ expiresAt: Math.floor(Date.now() / 1000) - 600 }));
    expect(response.status).toBe(401);
    expect(response.body.detail).toMatch(/abgelaufen/);
  });

  it('rejects an HS256 token even when signed with something public (no algorithm confusion)', async () => {
    const token = await new SignJWT({ realm_access: { roles: ['operator'] }, partner_id: PARTNER })
      .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
      .setSubject('x')
      .setIssuer(idp.issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('bildungsraum-local-development-secret-not-for-production'));
    expect((await get(token)).status).toBe(401);
  });

  it('uses OIDC_JWKS_URL directly when configured', async () => {
    const direct = await startTestApp({
      AUTH_MODE: 'oidc',
      OIDC_ISSUER_URL: idp.issuer,
      OIDC_AUDIENCE: AUDIENCE,
      OIDC_JWKS_URL: `${idp.issuer}/protocol/openid-connect/certs`,
    });
    try {
      const response = await request(direct.app.getHttpServer()).get('/coordination').set('Authorization', `Bearer ${await keycloakToken()}`);
      expect(response.status).toBe(200);
    } finally {
      await direct.close();
    }
  });

  it('answers 503 (not 401) while the identity provider cannot be reached', async () => {
    const unreachable = await startTestApp({ AUTH_MODE: 'oidc', OIDC_ISSUER_URL: 'http://127.0.0.1:9/realms/none', OIDC_AUDIENCE: AUDIENCE });
    try {
      const response = await request(unreachable.app.getHttpServer()).get('/coordination').set('Authorization', `Bearer ${await keycloakToken()}`);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.type).toBe(PROBLEM_TYPES.unavailable);
    } finally {
      await unreachable.close();
    }
  });
});
