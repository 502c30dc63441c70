import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ProducingService } from '../envelope/naming';

export type PayloadClass<T = object> = new () => T;

/** One integration event type: the contract other services and downstream systems rely on. */
export interface EventDefinition<T extends object = object> {
  /** `<service>.<aggregate>.<event>.v<major>`; also the unprefixed subject. */
  readonly type: string;
  readonly service: ProducingService;
  readonly aggregate: string;
  readonly payload: PayloadClass<T>;
  /** One line for people reading the AsyncAPI document (German first, English second). */
  readonly summary: string;
}

const TYPE_PATTERN = /^([a-z]+)\.([a-z-]+)\.([a-z-]+)\.v(\d+)$/;

export function defineEvent<T extends object>(definition: EventDefinition<T>): EventDefinition<T> {
  const parts = TYPE_PATTERN.exec(definition.type);
  if (!parts || parts[1] !== definition.service || parts[2] !== definition.aggregate) {
    throw new Error(`Event type ${definition.type} must read <service>.<aggregate>.<event>.v<major>`);
  }
  return Object.freeze(definition);
}

export interface PayloadViolation {
  path: string;
  messages: string[];
}

/** Checks a received or to-be-published payload against its contract. */
export function validatePayload<T extends object>(definition: EventDefinition<T>, data: unknown): {
  value?: T;
  violations: PayloadViolation[];
} {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { violations: [{ path: '', messages: ['payload must be a JSON object'] }] };
  }
  const value = plainToInstance(definition.payload, data);
  const errors = validateSync(value, { whitelist: false, forbidUnknownValues: true });
  return errors.length ? { violations: flatten(errors) } : { value, violations: [] };
}

function flatten(errors: ValidationError[], parent = ''): PayloadViolation[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
