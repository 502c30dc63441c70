import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { throwError } from 'rxjs';
import { DomainError } from '@bildungsraum/domain-kernel';
import { currentCorrelationId } from '../context/request-context';
import { PINO_LOGGER } from '../logging/tokens';
import { domainErrorToProblem } from './domain-error.interceptor';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { Problem } from './problems';
import { problemForStatus } from './status-problems';

interface Rendered {
  body: ProblemDetails;
  headers: Record<string, string>;
}

/**
 * Turns anything thrown into an RFC 9457 body; a broken domain rule (`DomainError`) becomes its
 * problem (`domainErrorToProblem`), unknown errors a 500 that reveals nothing.
 */
export function renderProblem(exception: unknown): Rendered {
  if (exception instanceof DomainError) return renderProblem(domainErrorToProblem(exception));
  if (exception instanceof Problem) {
    return {
      body: { ...exception.extensions, type: exception.type, title: exception.title, status: exception.getStatus(), detail: exception.detail },
      headers: exception.headers,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const { type, title, detail } = problemForStatus(status);
    return { body: { type, title, status, detail }, headers: {} };
  }
  const { type, title, detail } = problemForStatus(500);
  return { body: { type, title, status: 500, detail }, headers: {} };
}

/**
 * The single place where HTTP errors leave a service (ARCHITECTURE.md §6: bad input gets a clear
 * problem response, never a 500). Registered globally by PlatformModule. In a hybrid app the same
 * filter also sees event handler errors; those are rethrown so the transport can retry them.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(PINO_LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return throwError(() => exception);
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { body, headers } = renderProblem(exception);
    body.instance = request.originalUrl?.split('?')[0];
    body.correlationId = currentCorrelationId() ?? (response.getHeader('x-correlation-id') as string | undefined);

    if (body.status >= 500) {
      this.logger.error({ err: exception, status: body.status, method: request.method, path: body.instance }, 'request failed');
    } else {
      this.logger.debug({ status: body.status, type: body.type, path: body.instance }, 'request rejected');
    }
    if (response.headersSent) return undefined;
    response.status(body.status);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.send(JSON.stringify(body));
    return undefined;
  }
}
