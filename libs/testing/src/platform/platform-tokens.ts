import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/** The platform's roles (libs/platform `Role`); repeated here, see below. */
export type PlatformRole = 'operator' | 'coordinator' | 'company' | 'provider';

/**
 * The local-auth settings startPlatform gives every service explicitly, so the tokens minted
 * below are exactly what the services verify. The harness cannot use the platform's
 * mintDevToken: the platform's own tests use this harness, and Nx forbids the cycle
 * platform → testing → platform.
 */
export function localAuthEnv(secret: string): Record<string, string> {
  return {
    AUTH_MODE: 'local',
    DEV_JWT_SECRET: secret,
    DEV_JWT_ISSUER: 'bildungsraum-dev',
    DEV_JWT_AUDIENCE: 'bildungsraum',
    AUTH_ROLES_CLAIM: 'roles',
    AUTH_PARTNER_CLAIM: 'partner_id',
  };
}

/** An HS256 token for the settings of localAuthEnv(secret), valid for an hour. */
export function mintPlatformToken(secret: string, role: PlatformRole | PlatformRole[], partnerId: string, subject = `e2e-${randomUUID()}`): Promise<string> {
  const auth = localAuthEnv(secret);
  return new SignJWT({ [auth.AUTH_ROLES_CLAIM]: Array.isArray(role) ? role : [role], [auth.AUTH_PARTNER_CLAIM]: partnerId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(auth.DEV_JWT_ISSUER)
    .setAudience(auth.DEV_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}
