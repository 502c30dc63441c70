import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { currentCorrelationId } from '../context/request-context';
import { Metrics } from '../metrics/metrics';

/** Route template (`/needs/:id`), never the raw URL: raw paths would make unbounded metric label sets. */
function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched';
}

/**
 * One log line and one histogram observation per finished request. The correlation id is captured
 * up front because the 'finish' event fires outside the request's async context.
 */
export function accessLogMiddleware(logger: Logger, metrics: Metrics): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = currentCorrelationId();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(request);
      metrics.httpRequestDuration.observe({ method: request.method, route, status_code: String(response.statusCode) }, seconds);
      // Probes and scrapes arrive every few seconds; at info they would drown the real traffic.
      const routine = route.startsWith('/health/') || route === '/metrics';
      const level = response.statusCode >= 500 ? 'error' : routine ? 'debug' : 'info';
      logger[level](
        { correlationId, method: request.method, path: request.originalUrl.split('?')[0], route, status: response.statusCode, durationMs: Math.round(seconds * 1000) },
        'request completed',
      );
    });
    next();
  };
}
