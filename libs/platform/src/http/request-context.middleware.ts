import type { NextFunction, Request, Response } from 'express';
import { contextFromHeaders, CORRELATION_HEADER } from '../context/correlation';
import { RequestContext } from '../context/request-context';

/**
 * First middleware of every request: establishes the correlation id before anything else runs,
 * so even a body-parser rejection carries it, and echoes it for the client's support ticket.
 */
export function requestContextMiddleware(request: Request, response: Response, next: NextFunction): void {
  // Idempotent: bootstrapService installs it first in Express, PlatformModule again as Nest middleware
  // for apps built without bootstrapService.
  if (RequestContext.current()?.origin === 'http') return next();
  const state = contextFromHeaders(request.headers);
  response.setHeader(CORRELATION_HEADER, state.correlationId);
  RequestContext.run(state, () => next());
}
