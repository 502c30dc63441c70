/** RFC 9457 problem details, as every error leaves every service. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  /** Per-field validation failures. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted property path, e.g. `address.postalCode`; empty for the body as a whole. */
  field: string;
  /** JSON Pointer (RFC 6901) into the request body, or the parameter name for query/path. */
  pointer: string;
  /** Where the field came from. */
  in: 'body' | 'query' | 'path';
  messages: string[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Problem types are URIs that identify the kind of problem, stable across releases, so clients
 * can branch on them. Plain status problems use `about:blank` as RFC 9457 §4.2.1 suggests.
 */
export const PROBLEM_TYPES = {
  validation: 'https://bildungsraum.eu/problems/validation-failed',
  malformedBody: 'https://bildungsraum.eu/problems/malformed-body',
  notFound: 'https://bildungsraum.eu/problems/not-found',
  conflict: 'https://bildungsraum.eu/problems/conflict',
  forbidden: 'https://bildungsraum.eu/problems/forbidden',
  unauthenticated: 'https://bildungsraum.eu/problems/unauthenticated',
  unprocessable: 'https://bildungsraum.eu/problems/unprocessable',
  badRequest: 'https://bildungsraum.eu/problems/bad-request',
  payloadTooLarge: 'https://bildungsraum.eu/problems/payload-too-large',
  unsupportedMediaType: 'https://bildungsraum.eu/problems/unsupported-media-type',
  rateLimited: 'https://bildungsraum.eu/problems/rate-limited',
  internal: 'https://bildungsraum.eu/problems/internal-error',
  unavailable: 'https://bildungsraum.eu/problems/service-unavailable',
  generic: 'about:blank',
} as const;
