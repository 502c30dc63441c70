/**
 * Subject, stream and consumer names. An optional deployment prefix
 * (`BILDUNGSRAUM_SUBJECT_PREFIX`) lets several environments and parallel test runs share one
 * NATS server; it applies to subjects, stream names and consumer names alike.
 */

/** The producing services and their streams (ARCHITECTURE.md §1). */
export const STREAMS = {
  partners: 'PARTNERS',
  needs: 'NEEDS',
  catalogue: 'CATALOGUE',
  matching: 'MATCHING',
  notifications: 'NOTIFICATIONS',
} as const;

export type ProducingService = keyof typeof STREAMS;

const PREFIX_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/i;

export function assertValidPrefix(prefix: string | undefined): void {
  if (prefix && !PREFIX_PATTERN.test(prefix)) {
    throw new Error(`Invalid subject prefix "${prefix}": use 1–40 letters, digits, "-" or "_".`);
  }
}

/** `needs.need.submitted.v1` → `<prefix>.needs.need.submitted.v1`. */
export function prefixedSubject(type: string, prefix?: string): string {
  return prefix ? `${prefix}.${type}` : type;
}

/** Strips the deployment prefix from a received subject to recover the event type. */
export function eventTypeOfSubject(subject: string, prefix?: string): string {
  return prefix && subject.startsWith(`${prefix}.`) ? subject.slice(prefix.length + 1) : subject;
}

/** Stream and consumer names may not contain dots; the prefix joins with `_`. */
export function prefixedName(name: string, prefix?: string): string {
  return prefix ? `${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}_${name}` : name;
}

/** All subjects a service's stream captures: `<prefix>.<service>.>`. */
export function streamSubjects(service: ProducingService, prefix?: string): string[] {
  return [prefixedSubject(`${service}.>`, prefix)];
}

/** Dead letters of a consumer: `<prefix>.deadletter.<consumer>.<event type>`. */
export function deadLetterSubject(consumer: string, eventType: string, prefix?: string): string {
  return prefixedSubject(`deadletter.${consumer}.${eventType}`, prefix);
}

export const DEAD_LETTER_STREAM = 'DEADLETTER';

export function eventSource(service: ProducingService): string {
  return `/bildungsraum/${service}`;
}
