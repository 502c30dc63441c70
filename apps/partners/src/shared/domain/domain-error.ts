/**
 * Errors raised by domain rules. They carry no HTTP knowledge; the API layer maps `kind` to a
 * problem response (conflict → 409, invalid → 422, forbidden → 403, not_found → 404).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'not_found';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `partner.not-pending`. */
    readonly code: string,
    message: string,
    /** Which input fields are at fault: dotted path (`sites.0.postalCode`) and where it came from. */
    readonly fields: ReadonlyArray<{ field: string; in: 'body' | 'query' | 'path'; detail: string }> = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
