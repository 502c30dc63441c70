import { randomUUID } from 'node:crypto';
import { CloudEvent } from './cloud-event';
import { eventSource } from './naming';
import { EventDefinition } from '../events/event-definition';

export interface EventCause {
  /** Ties together everything one user request or one incoming event set off. */
  correlationId?: string;
  /** Id of the event (or request) that directly caused this one. */
  causationId?: string;
  traceparent?: string;
}

/** Builds the envelope for a state change; `subject` is the id of the aggregate it concerns. */
export function createEvent<T extends object>(
  definition: EventDefinition<T>,
  subject: string,
  data: T,
  cause: EventCause = {},
  now: Date = new Date(),
): CloudEvent<T> {
  const id = randomUUID();
  return {
    id,
    source: eventSource(definition.service),
    type: definition.type,
    specversion: '1.0',
    time: now.toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: cause.correlationId ?? id,
    ...(cause.causationId ? { causationid: cause.causationId } : {}),
    ...(cause.traceparent ? { traceparent: cause.traceparent } : {}),
    data,
  };
}
