import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { FieldError } from './problem-details';
import { ValidationProblem } from './problems';
import { memoizeValidationMetadata } from './validation-metadata-cache';
import { memoizeTransformMetadata } from './transform-metadata-cache';

type Location = FieldError['in'];

const LOCATIONS: Partial<Record<ArgumentMetadata['type'], Location>> = { body: 'body', query: 'query', param: 'path' };

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** class-validator nests errors for nested objects and arrays; flatten them to one entry per field. */
export function flattenValidationErrors(errors: ValidationError[], location: Location, parents: string[] = []): FieldError[] {
  return errors.flatMap((error) => {
    const path = error.property === undefined || error.property === '' ? parents : [...parents, error.property];
    const own: FieldError[] = error.constraints
      ? [
          {
            field: path.join('.'),
            pointer: location === 'body' ? `#/${path.map(escapePointer).join('/')}`.replace(/\/$/, '') : path.join('.'),
            in: location,
            messages: Object.values(error.constraints),
          },
        ]
      : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], location, path)];
  });
}

class RawValidationFailure extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('validation failed');
  }
}

/**
 * Global ValidationPipe: strips nothing silently – unknown fields are rejected (forbidNonWhitelisted)
 * – and converts payloads to DTO instances. Only body, query and path parameters are validated;
 * custom decorators (the principal) pass untouched. In a hybrid app Nest hands event payloads to
 * pipes as 'body' too, so only arguments of HTTP requests (origin 'http', set by the request
 * context middleware) are validated: events are checked against the catalogue by the messaging
 * layer, and consumers must tolerate fields added by newer producers.
 */
@Injectable()
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new RawValidationFailure(errors),
    });
    memoizeValidationMetadata();
    memoizeTransformMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const location = LOCATIONS[metadata.type];
    if (!location || RequestContext.current()?.origin !== 'http') return value;
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof RawValidationFailure) throw new ValidationProblem(flattenValidationErrors(error.errors, location));
      throw error;
    }
  }
}
