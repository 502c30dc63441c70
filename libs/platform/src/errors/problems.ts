import { HttpException } from '@nestjs/common';
import { FieldError, PROBLEM_TYPES } from './problem-details';

export interface ProblemInit {
  type: string;
  title: string;
  status: number;
  /** Shown to people: German first. */
  detail: string;
  /** Extra members, e.g. `{ currentVersion: 4 }` on a conflict. */
  extensions?: Record<string, unknown>;
  /** Response headers, e.g. `WWW-Authenticate` on 401. */
  headers?: Record<string, string>;
}

/**
 * Base of every deliberate error. Extends HttpException so Nest and anything else that knows
 * HttpException still sees the right status; the ProblemDetailsFilter renders it.
 */
export class Problem extends HttpException {
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail, init.status);
    this.type = init.type;
    this.title = init.title;
    this.detail = init.detail;
    this.extensions = init.extensions ?? {};
    this.headers = init.headers ?? {};
  }
}

export class BadRequestProblem extends Problem {
  constructor(detail = 'Die Anfrage ist ungültig.', extensions?: Record<string, unknown>) {
    super({ type: PROBLEM_TYPES.badRequest, title: 'Bad Request', status: 400, detail, extensions });
  }
}

export class ValidationProblem extends Problem {
  constructor(readonly errors: FieldError[]) {
    super({
      type: PROBLEM_TYPES.validation,
      title: 'Validation Failed',
      status: 400,
      detail: 'Die Anfrage enthält ungültige oder unbekannte Felder. Details stehen in "errors".',
      extensions: { errors },
    });
  }
}

export class UnauthenticatedProblem extends Problem {
  constructor(detail = 'Anmeldung erforderlich: Bitte ein gültiges Bearer-Token senden.', tokenWasInvalid = false) {
    super({
      type: PROBLEM_TYPES.unauthenticated,
      title: 'Unauthenticated',
      status: 401,
      detail,
      // RFC 6750 §3: tell the client which scheme to use and, for a bad token, why it failed.
      headers: { 'WWW-Authenticate': tokenWasInvalid ? 'Bearer error="invalid_token"' : 'Bearer' },
    });
  }
}

export class ForbiddenProblem extends Problem {
  constructor(detail = 'Für diese Aktion fehlt die Berechtigung.', extensions?: Record<string, unknown>) {
    super({ type: PROBLEM_TYPES.forbidden, title: 'Forbidden', status: 403, detail, extensions });
  }
}

export class NotFoundProblem extends Problem {
  constructor(detail = 'Die angeforderte Ressource wurde nicht gefunden.', extensions?: Record<string, unknown>) {
    super({ type: PROBLEM_TYPES.notFound, title: 'Not Found', status: 404, detail, extensions });
  }
}

export class ConflictProblem extends Problem {
  constructor(detail = 'Die Anfrage steht im Konflikt mit dem aktuellen Zustand der Ressource.', extensions?: Record<string, unknown>) {
    super({ type: PROBLEM_TYPES.conflict, title: 'Conflict', status: 409, detail, extensions });
  }
}

/** A well-formed request that breaks a domain rule (e.g. a course date in the past). */
export class UnprocessableProblem extends Problem {
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super({ type: PROBLEM_TYPES.unprocessable, title: 'Unprocessable Content', status: 422, detail, extensions });
  }
}

export class UnsupportedMediaTypeProblem extends Problem {
  constructor(received: string | undefined) {
    super({
      type: PROBLEM_TYPES.unsupportedMediaType,
      title: 'Unsupported Media Type',
      status: 415,
      detail: `Nur JSON wird angenommen (Content-Type: application/json), erhalten: ${received ?? 'kein Content-Type'}.`,
    });
  }
}
