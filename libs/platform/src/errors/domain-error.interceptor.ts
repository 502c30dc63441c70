import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '@bildungsraum/domain-kernel';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem, Problem, UnprocessableProblem } from './problems';

/** Maps a broken domain rule to its RFC 9457 problem; the platform's filter renders it. */
export function domainErrorToProblem(error: DomainError): Problem {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.fields.length) {
    // Same shape as the platform's validation errors (FieldError), so clients parse one format.
    extensions.errors = error.fields.map((field) => ({
      field: field.field,
      pointer: field.in === 'body' ? `#/${field.field.split('.').join('/')}` : field.field,
      in: field.in,
      messages: [field.detail],
    }));
  }
  switch (error.kind) {
    case 'conflict':
      return new ConflictProblem(error.message, extensions);
    case 'forbidden':
      return new ForbiddenProblem(error.message, extensions);
    case 'not_found':
      return new NotFoundProblem(error.message, extensions);
    case 'invalid':
      return new UnprocessableProblem(error.message, extensions);
  }
}

/**
 * Register as APP_INTERCEPTOR: domain code throws DomainError, clients get problem+json. Not
 * needed any more: the platform's ProblemDetailsFilter maps DomainError itself (same response).
 * Without any interceptor Nest skips its per-request interceptor chain (two AsyncResource.bind
 * and an rxjs pipeline, ~3 % of the needs service's CPU per request, bench/needs-intake); needs
 * does without it, services that still register it get the same problems as before.
 */
@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => (error instanceof DomainError ? domainErrorToProblem(error) : error))));
  }
}
