import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter replaces every unknown error with "Internal server error", which
 * would then be all a dead letter says. This filter passes the original error through to the
 * JetStreamServer, which logs it, retries and records it in `x-deadletter-error`.
 * Put `@UseFilters(JetStreamErrorFilter)` on event controllers: a hybrid app (HTTP + events)
 * registers its listeners in `connectMicroservice`, before `useGlobalFilters` could apply.
 */
@Catch()
export class JetStreamErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
