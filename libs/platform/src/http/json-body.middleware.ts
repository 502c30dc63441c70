import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { Problem, UnsupportedMediaTypeProblem } from '../errors/problems';
import { RequestContext, RequestContextState } from '../context/request-context';
import { PROBLEM_TYPES } from '../errors/problem-details';
import { RawBodyRoute, rawBodyRouteFor } from './raw-body-route';

const JSON_TYPES = ['application/json', 'application/*+json'];

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** body-parser marks its errors with a `type`; translate them into problems with German details. */
function toProblem(error: unknown, limit: string): unknown {
  const type = (error as { type?: unknown }).type;
  switch (type) {
    case 'entity.parse.failed':
      return new Problem({ type: PROBLEM_TYPES.malformedBody, title: 'Malformed Request Body', status: 400, detail: 'Der Anfragekörper ist kein gültiges JSON.' });
    case 'entity.too.large':
      return new Problem({ type: PROBLEM_TYPES.payloadTooLarge, title: 'Payload Too Large', status: 413, detail: `Der Anfragekörper ist größer als erlaubt (höchstens ${limit}).`, extensions: { limit } });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Problem({ type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported Media Type', status: 415, detail: 'Zeichensatz oder Kodierung werden nicht unterstützt; bitte UTF-8 senden.' });
    case 'request.aborted':
    case 'request.size.invalid':
      return new Problem({ type: PROBLEM_TYPES.badRequest, title: 'Bad Request', status: 400, detail: 'Der Anfragekörper kam unvollständig an.' });
    default:
      return error;
  }
}

/**
 * raw-body resumes from stream events, outside the request's context (AsyncLocalStorage); `next`
 * must run inside it again so everything after body parsing keeps the correlation id. Re-entering
 * the captured state costs a fraction of `AsyncResource.bind`, which built a resource and two
 * deprecation wrappers per request (~0.6 % of the needs service's CPU, bench/needs-intake).
 */
function inContext(state: RequestContextState | undefined, callback: (error?: unknown) => void): (error?: unknown) => void {
  return state ? (error?: unknown) => RequestContext.run(state, () => callback(error)) : callback;
}

/**
 * Parses JSON bodies up to `limit` and refuses every other body format with 415, except the media
 * types a `RawBodyRoute` takes on its own path. Bodiless requests (GET, DELETE, empty POST) pass.
 * Strict mode: only objects and arrays at the top level.
 */
export function jsonBodyMiddleware(limit: string, rawRoutes: readonly RawBodyRoute[] = []): RequestHandler {
  const parse = express.json({ limit, strict: true, type: JSON_TYPES });
  const rawParsers = new Map(rawRoutes.map((route) => [route, express.raw({ limit: route.limit, type: route.types })]));
  return (request: Request, response: Response, next: NextFunction) => {
    if (!hasBody(request)) return next();
    const rawRoute = request.is(JSON_TYPES) ? undefined : rawBodyRouteFor(rawRoutes, request);
    if (rawRoute) {
      const parseRaw = rawParsers.get(rawRoute) as RequestHandler;
      return parseRaw(request, response, inContext(RequestContext.current(), (error?: unknown) => {
        if (error) return next(toProblem(error, rawRoute.limit));
        request.body = rawRoute.toBody(Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0), request);
        next();
      }));
    }
    if (!request.is(JSON_TYPES)) return next(new UnsupportedMediaTypeProblem(request.headers['content-type']));
    parse(request, response, inContext(RequestContext.current(), (error?: unknown) => (error ? next(toProblem(error, limit)) : next())));
  };
}
