import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IS_PUBLIC } from '../auth/decorators';

/**
 * Rate limits anonymous traffic only (ARCHITECTURE.md §6: rate limits on public endpoints),
 * per client IP. Authenticated routes are limited by who may call them. The counters live in
 * memory per replica: with N replicas the effective limit is up to N × the configured one.
 */
@Injectable()
export class PublicRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return !isPublic;
  }
}
