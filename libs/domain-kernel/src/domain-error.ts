/**
 * Errors raised by domain rules, shared by every service's domain/ code. They carry no HTTP
 * knowledge; the platform maps `kind` to a problem response (conflict → 409, invalid → 422,
 * forbidden → 403, not_found → 404).
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'not_found';

/** An input field at fault: dotted path (`sites.0.postalCode`) and where it came from. */
export interface FieldFault {
  field: string;
  in: 'body' | 'query' | 'path';
  detail: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `need.not-open`. */
    readonly code: string,
    message: string,
    readonly fields: ReadonlyArray<FieldFault> = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, fields: FieldFault[] = []): DomainError => new DomainError('invalid', code, message, fields);
export const conflict = (code: string, message: string): DomainError => new DomainError('conflict', code, message);
export const forbidden = (message: string, code = 'forbidden'): DomainError => new DomainError('forbidden', code, message);
export const notFound = (code: string, message: string): DomainError => new DomainError('not_found', code, message);
