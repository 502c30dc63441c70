import { ForbiddenProblem, NotFoundProblem } from '../errors/problems';
import { Principal, Role } from './principal';

/** Pure helpers for object-level checks; no framework, so domain code and tests can use them freely. */
export function hasRole(principal: Principal | undefined, ...roles: Role[]): boolean {
  return !!principal && principal.roles.some((role) => roles.includes(role));
}

export function isOperator(principal: Principal | undefined): boolean {
  return hasRole(principal, 'operator');
}

/** True when the principal acts for `partnerId` (operators act for everyone). */
export function actsFor(principal: Principal | undefined, partnerId: string): boolean {
  return !!principal && (isOperator(principal) || principal.partnerId === partnerId);
}

/** Throws 403 unless `condition` holds: for actions on objects the caller may know about. */
export function assertAllowed(condition: boolean, detail?: string): asserts condition {
  if (!condition) throw new ForbiddenProblem(detail);
}

/**
 * Throws 404 unless `condition` holds: for objects whose mere existence must not leak to
 * outsiders (another company's need answers "not found", not "forbidden").
 */
export function assertVisible(condition: boolean, detail?: string): asserts condition {
  if (!condition) throw new NotFoundProblem(detail);
}
