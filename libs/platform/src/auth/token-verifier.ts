import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { AuthSettings } from '../config/auth-settings';
import { Problem, UnauthenticatedProblem } from '../errors/problems';
import { PROBLEM_TYPES } from '../errors/problem-details';
import { principalFromClaims } from './claims';
import { Principal } from './principal';
import { VerifiedTokenCache } from './verified-token-cache';

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** Errors that mean "this token is no good", as opposed to "we could not check it". */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWS_INVALID',
  'ERR_JWT_INVALID',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

export class IdentityProviderUnavailableProblem extends Problem {
  constructor() {
    super({
      type: PROBLEM_TYPES.unavailable,
      title: 'Service Unavailable',
      status: 503,
      detail: 'Der Anmeldedienst ist gerade nicht erreichbar; das Token konnte nicht geprüft werden. Bitte später erneut versuchen.',
    });
  }
}

type Resolved = { key: JWTVerifyGetKey | Uint8Array; issuer: string; audience: string; algorithms: string[] };

/**
 * Verifies bearer tokens. OIDC mode resolves the JWKS lazily (discovery on first use, retried after
 * a failure) so a service starts even while the identity provider is briefly down; jose caches
 * keys and refetches on an unknown `kid`, which covers key rotation.
 */
export class TokenVerifier {
  private resolved?: Promise<Resolved>;
  private readonly verified: VerifiedTokenCache;

  constructor(
    private readonly settings: AuthSettings,
    /** Tests move time; the cache and the claim checks use the same clock. */
    private readonly now: () => number = Date.now,
  ) {
    this.verified = new VerifiedTokenCache(now);
  }

  /** A token verified before is not verified again until it expires (VerifiedTokenCache). */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const { key, issuer, audience, algorithms } = await this.resolve();
    let payload: JWTPayload;
    try {
      const options = { issuer, audience, algorithms, clockTolerance: this.settings.AUTH_CLOCK_TOLERANCE_SECONDS, currentDate: new Date(this.now()) };
      payload = (key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedProblem('Das Token ist abgelaufen. Bitte erneut anmelden.', true);
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) {
        throw new UnauthenticatedProblem('Das Token ist ungültig.', true);
      }
      throw new IdentityProviderUnavailableProblem();
    }
    const principal = principalFromClaims(payload, this.settings);
    this.verified.set(token, principal, payload.exp);
    return principal;
  }

  private resolve(): Promise<Resolved> {
    if (!this.resolved) {
      this.resolved = this.build();
      // A failed discovery must not stick: try again on the next request.
      this.resolved.catch(() => (this.resolved = undefined));
    }
    return this.resolved.catch(() => {
      throw new IdentityProviderUnavailableProblem();
    });
  }

  private async build(): Promise<Resolved> {
    const settings = this.settings;
    if (settings.AUTH_MODE === 'local') {
      return { key: new TextEncoder().encode(settings.DEV_JWT_SECRET), issuer: settings.DEV_JWT_ISSUER, audience: settings.DEV_JWT_AUDIENCE, algorithms: ['HS256'] };
    }
    const issuer = settings.OIDC_ISSUER_URL as string;
    const jwksUrl = settings.OIDC_JWKS_URL ?? (await discoverJwksUri(issuer));
    return { key: createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5_000 }), issuer, audience: settings.OIDC_AUDIENCE as string, algorithms: ASYMMETRIC_ALGORITHMS };
  }
}

/** OpenID Connect Discovery 1.0 §4: the document's `issuer` must equal the configured one. */
export async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`OIDC discovery failed: ${url} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== issuer) throw new Error(`OIDC discovery: issuer ${String(document.issuer)} does not match ${issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error('OIDC discovery: jwks_uri missing');
  return document.jwks_uri;
}
