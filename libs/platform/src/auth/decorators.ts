import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { UnauthenticatedProblem } from '../errors/problems';
import { Principal, Role } from './principal';

export const IS_PUBLIC = 'bildungsraum:public';
export const REQUIRED_ROLES = 'bildungsraum:roles';

export const PUBLIC_OPENAPI_EXTENSION = 'x-bildungsraum-public';

/**
 * Opens a route to anonymous callers (and puts it under the public rate limit). A valid token is
 * still read. The OpenAPI extension lets the document mark the operation as needing no token.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_OPENAPI_EXTENSION, true));

/** Any one of these roles is enough. On a method it replaces the class's list. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The verified caller; throws 401 if there is none (which only happens on @Public routes). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthenticatedProblem();
  return principal;
});

/** The caller on @Public routes: undefined for anonymous requests. */
export const OptionalPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
