import type { JWTPayload } from 'jose';
import type { AuthSettings } from '../config/auth-settings';
import { ForbiddenProblem, UnauthenticatedProblem } from '../errors/problems';
import { isRole, Principal, Role } from './principal';

/** Reads a dot-separated claim path such as `realm_access.roles`. */
export function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), payload);
}

/**
 * Maps verified claims onto a Principal. Role claims may be an array or a space/comma separated
 * string; names outside the four platform roles (Keycloak's `offline_access`, …) are ignored.
 */
export function principalFromClaims(payload: JWTPayload, settings: Pick<AuthSettings, 'AUTH_ROLES_CLAIM' | 'AUTH_PARTNER_CLAIM'>): Principal {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new UnauthenticatedProblem('Das Token enthält keinen Benutzer (Claim "sub" fehlt).', true);
  }
  const roles = new Set<Role>();
  for (const path of settings.AUTH_ROLES_CLAIM) {
    const value = claimAt(payload, path);
    const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
    for (const name of names) if (isRole(name)) roles.add(name);
  }
  const partnerId = claimAt(payload, settings.AUTH_PARTNER_CLAIM);
  if (typeof partnerId !== 'string' || partnerId.length === 0) {
    throw new ForbiddenProblem(`Das Token ist keiner Partnerorganisation zugeordnet (Claim "${settings.AUTH_PARTNER_CLAIM}" fehlt).`);
  }
  return { subject: payload.sub, roles: [...roles], partnerId };
}
