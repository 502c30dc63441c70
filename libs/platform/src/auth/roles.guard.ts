import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenProblem, UnauthenticatedProblem } from '../errors/problems';
import { AuthenticatedRequest, REQUIRED_ROLES } from './decorators';
import { hasRole } from './policy';
import { Role } from './principal';

/** Global guard after JwtAuthGuard: enforces @Roles(...). Object-level checks stay in the handlers. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!roles || roles.length === 0) return true;
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    // Only reachable on @Public routes with @Roles: anonymous callers are asked to log in.
    if (!principal) throw new UnauthenticatedProblem();
    if (!hasRole(principal, ...roles)) {
      throw new ForbiddenProblem(`Diese Aktion erfordert eine der Rollen: ${roles.join(', ')}.`, { requiredRoles: roles });
    }
    return true;
  }
}
