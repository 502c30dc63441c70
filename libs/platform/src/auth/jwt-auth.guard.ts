import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedProblem } from '../errors/problems';
import { AuthenticatedRequest, IS_PUBLIC } from './decorators';
import { TokenVerifier } from './token-verifier';
import { TOKEN_VERIFIER } from './tokens';

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedProblem('Der Authorization-Header muss die Form "Bearer <token>" haben.', true);
  return match[1];
}

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked @Public(). On public
 * routes a token is still verified when sent, so handlers can show more to known callers.
 * Event handlers in a hybrid app are not HTTP and pass.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) ?? false;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    if (!token) {
      if (isPublic) return true;
      throw new UnauthenticatedProblem();
    }
    request.principal = await this.verifier.verify(token);
    return true;
  }
}
