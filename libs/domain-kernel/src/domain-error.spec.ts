import { conflict, DomainError, forbidden, invalid, notFound } from './domain-error';

describe('DomainError helpers', () => {
  it.each([
    [invalid('need.invalid', 'x', [{ field: 'participants', in: 'body', detail: 'at least 1' }]), 'invalid'],
    [conflict('need.not-open', 'x'), 'conflict'],
    [forbidden('x'), 'forbidden'],
    [notFound('need.not-found', 'x'), 'not_found'],
  ])('carries its kind, code and fields (%#)', (error, kind) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe(kind);
    expect(error.code).toMatch(/\S/);
  });

  it('keeps the faulty fields for the problem response', () => {
    const error = invalid('need.invalid', 'Ungültig / invalid', [{ field: 'site.postalCode', in: 'body', detail: 'unknown' }]);
    expect(error.fields).toEqual([{ field: 'site.postalCode', in: 'body', detail: 'unknown' }]);
    expect(error.message).toBe('Ungültig / invalid');
  });
});
