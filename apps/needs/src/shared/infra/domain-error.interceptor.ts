import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { ConflictProblem, ForbiddenProblem, NotFoundProblem, Problem, UnprocessableProblem } from '@bildungsraum/platform';
import { DomainError } from '../domain/domain-error';

/** Maps a broken domain rule to its RFC 9457 problem; the platform's filter renders it. */
export function toProblem(error: DomainError): Problem {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.fields.length) {
    // Same shape as the platform's validation errors, so clients parse one format.
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

@Injectable()
export class DomainErrorInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(catchError((error: unknown) => throwError(() => (error instanceof DomainError ? toProblem(error) : error))));
  }
}

/** 404 for anything the caller may not see: the existence of foreign objects must not leak. */
export function notFound(what: 'need' | 'company' | 'import' | 'network'): DomainError {
  const label = { need: 'Bedarf / need', company: 'Unternehmen / company', import: 'Import', network: 'Verbund / network' }[what];
  return new DomainError('not_found', `${what}.not-found`, `${label} nicht gefunden / not found`);
}

export function forbidden(detail: string): DomainError {
  return new DomainError('forbidden', 'forbidden', detail);
}
