import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AuthSettings } from '../config/auth-settings';
import { Role } from './principal';

export interface DevTokenRequest {
  role: Role | Role[];
  partnerId: string;
  subject?: string;
  /** jose duration, e.g. `8h`, `15m`; default 8h (a working day). */
  ttl?: string;
}

/** Puts `value` at a dot-separated claim path, creating the nested objects (Keycloak's `realm_access.roles`). */
function setClaim(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] = typeof node[key] === 'object' && node[key] !== null ? node[key] : {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** Mints an HS256 token that a service in AUTH_MODE=local accepts; for development and tests only. */
export async function mintDevToken(request: DevTokenRequest, settings: AuthSettings): Promise<string> {
  const claims: Record<string, unknown> = {};
  setClaim(claims, settings.AUTH_ROLES_CLAIM[0] ?? 'roles', Array.isArray(request.role) ? request.role : [request.role]);
  setClaim(claims, settings.AUTH_PARTNER_CLAIM, request.partnerId);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.subject ?? `dev-${randomUUID()}`)
    .setIssuer(settings.DEV_JWT_ISSUER)
    .setAudience(settings.DEV_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.ttl ?? '8h')
    .sign(new TextEncoder().encode(settings.DEV_JWT_SECRET));
}
