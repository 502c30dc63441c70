import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { EventCause } from '@bildungsraum/contracts';

/** What the platform knows about the unit of work in progress: an HTTP request or an incoming event. */
export interface RequestContextState {
  correlationId: string;
  causationId?: string;
  traceparent?: string;
  /** What started the unit of work; event handlers are not validated like HTTP input. */
  origin?: 'http' | 'event';
}

const storage = new AsyncLocalStorage<RequestContextState>();

/**
 * Request-scoped data without request-scoped providers: AsyncLocalStorage follows the async
 * call chain, so a repository deep inside a handler can stamp events with the right correlation id.
 */
export const RequestContext = {
  run<T>(state: RequestContextState, fn: () => T): T {
    return storage.run(state, fn);
  },
  current(): RequestContextState | undefined {
    return storage.getStore();
  },
};

/**
 * The cause to put on events written now. Outside any request or handler (start-up jobs,
 * timers) a fresh correlation id is returned, so every event still starts a traceable chain.
 */
export function currentCause(): EventCause & { correlationId: string } {
  const state = storage.getStore();
  if (!state) return { correlationId: randomUUID() };
  return {
    correlationId: state.correlationId,
    ...(state.causationId ? { causationId: state.causationId } : {}),
    ...(state.traceparent ? { traceparent: state.traceparent } : {}),
  };
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/**
 * Runs `fn` as part of an existing chain, e.g. an event consumer handling an incoming event:
 * `runWithCause({ correlationId: event.correlationid, causationId: event.id, traceparent: event.traceparent }, handle)`.
 */
export function runWithCause<T>(cause: EventCause, fn: () => T): T {
  return storage.run(
    {
      correlationId: cause.correlationId ?? randomUUID(),
      ...(cause.causationId ? { causationId: cause.causationId } : {}),
      ...(cause.traceparent ? { traceparent: cause.traceparent } : {}),
      origin: 'event',
    },
    fn,
  );
}
