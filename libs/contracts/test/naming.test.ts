import {
  assertValidPrefix,
  deadLetterSubject,
  eventSource,
  eventTypeOfSubject,
  prefixedName,
  prefixedSubject,
  STREAMS,
  streamSubjects,
} from '../src';

describe('subject, stream and consumer names', () => {
  it('leaves names alone without a prefix', () => {
    expect(prefixedSubject('needs.need.submitted.v1')).toBe('needs.need.submitted.v1');
    expect(prefixedName('PARTNERS')).toBe('PARTNERS');
    expect(streamSubjects('partners')).toEqual(['partners.>']);
    expect(deadLetterSubject('matching', 'partners.partner.registered.v1')).toBe('deadletter.matching.partners.partner.registered.v1');
  });

  it('applies one prefix to subjects (with a dot) and stream/consumer names (with _)', () => {
    expect(prefixedSubject('needs.need.submitted.v1', 'staging')).toBe('staging.needs.need.submitted.v1');
    expect(prefixedName(STREAMS.partners, 'staging')).toBe('staging_PARTNERS');
    expect(prefixedName('matching', 'team-a')).toBe('team-a_matching');
    expect(streamSubjects('catalogue', 't1')).toEqual(['t1.catalogue.>']);
    expect(deadLetterSubject('matching', 'partners.partner.registered.v1', 't1')).toBe('t1.deadletter.matching.partners.partner.registered.v1');
  });

  it('recovers the event type from a prefixed subject, and only strips its own prefix', () => {
    expect(eventTypeOfSubject('staging.needs.need.submitted.v1', 'staging')).toBe('needs.need.submitted.v1');
    expect(eventTypeOfSubject('needs.need.submitted.v1')).toBe('needs.need.submitted.v1');
    expect(eventTypeOfSubject('other.needs.need.submitted.v1', 'staging')).toBe('other.needs.need.submitted.v1');
    // A prefix that is merely the start of the first token is not a prefix.
    expect(eventTypeOfSubject('stagingx.needs.need.submitted.v1', 'staging')).toBe('stagingx.needs.need.submitted.v1');
  });

  it('rejects prefixes that would break subjects or stream names', () => {
    expect(() => assertValidPrefix('ok_1-b')).not.toThrow();
    expect(() => assertValidPrefix(undefined)).not.toThrow();
    for (const bad of ['a.b', 'a b', '*', '>', '-x', 'x'.repeat(41)]) expect(() => assertValidPrefix(bad)).toThrow(/Invalid subject prefix/);
  });

  it('names the producer as a URI reference', () => {
    expect(eventSource('needs')).toBe('/bildungsraum/needs');
  });
});
