import { randomUUID } from 'node:crypto';
import type { RequestContextState } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Header values come from clients: accept only short, log-safe ids. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** W3C Trace Context, version 00: version-traceid-parentid-flags; an all-zero trace id is invalid. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseTraceparent(value: string | undefined): { traceId: string; traceparent: string } | undefined {
  const trimmed = value?.trim().toLowerCase();
  const match = trimmed ? TRACEPARENT.exec(trimmed) : null;
  if (!match || /^0+$/.test(match[1]) || /^0+$/.test(match[2])) return undefined;
  return { traceId: match[1], traceparent: trimmed as string };
}

/**
 * Correlation id precedence: an explicit `x-correlation-id`, else the W3C trace id (so logs join
 * up with traces), else a new UUID.
 */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): RequestContextState {
  const explicit = single(headers[CORRELATION_HEADER])?.trim();
  const trace = parseTraceparent(single(headers['traceparent']));
  const correlationId = explicit && SAFE_ID.test(explicit) ? explicit : (trace?.traceId ?? randomUUID());
  return { correlationId, origin: 'http', ...(trace ? { traceparent: trace.traceparent } : {}) };
}
