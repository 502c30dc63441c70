import { getMetadataStorage, ValidationArguments, ValidationTypes, ValidatorOptions } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type ValidationMetadata = ReturnType<Storage['getTargetValidationMetadatas']>[number];

/** One property's rules, split by kind once instead of for every object validated. */
interface PropertyPlan {
  name: string;
  defined: ValidationMetadata[];
  custom: ValidationMetadata[];
  nested: ValidationMetadata[];
  conditional: ValidationMetadata[];
  promise: boolean;
}

interface ClassPlan {
  properties: PropertyPlan[];
  /** Properties with at least one rule: the whitelist. */
  allowed: Set<string>;
}

/** The check cannot decide without class-validator (an async rule, a promise value): ask it. */
const UNDECIDED = Symbol('undecided');
type Verdict = boolean | typeof UNDECIDED;

/**
 * Whether class-validator would find no error in `object`, decided with class-validator's own
 * rules (its metadata storage, the same constraint instances, the same order of checks as its
 * `ValidationExecutor`) but without building what only an error report needs: the executor
 * creates a `ValidationError` and three filtered rule lists for every property of every object,
 * valid or not, and those were the largest source of garbage in the needs service
 * (bench/needs-intake: class-validator ~22 % of the bytes allocated per request).
 *
 * `true` means class-validator returns no errors; `false` that it returns some (the caller asks
 * class-validator for them, so error responses are its own); `undefined` that this check does not
 * decide – options it does not mirror, async rules, promise values – and class-validator must.
 * Mirrors class-validator 0.14 (`ValidationExecutor.execute`/`performValidations`); the
 * differential test in `validation-verdict.spec.ts` holds it to class-validator's answers.
 */
export function validationVerdict(object: object, options: ValidatorOptions, storage: Storage = getMetadataStorage()): boolean | undefined {
  if (!supported(options) || object === null || typeof object !== 'object') return undefined;
  const verdict = new Checker(storage, options).object(object, undefined);
  return verdict === UNDECIDED ? undefined : verdict;
}

/** Options under which the verdict equals class-validator's (the platform pipe's and the defaults). */
function supported(options: ValidatorOptions): boolean {
  return (
    !options.groups?.length &&
    !options.always &&
    !options.strictGroups &&
    !options.skipMissingProperties &&
    !options.skipNullProperties &&
    !options.skipUndefinedProperties &&
    // whitelist without forbidNonWhitelisted deletes unknown properties: a side effect, not a verdict
    (!options.whitelist || options.forbidNonWhitelisted === true)
  );
}

// Plans by the (memoized) rule list they were made from: a new decorator gives a new list.
const plans = new WeakMap<ValidationMetadata[], ClassPlan>();

function planOf(metadatas: ValidationMetadata[], storage: Storage): ClassPlan {
  let plan = plans.get(metadatas);
  if (plan) return plan;
  const grouped = storage.groupByPropertyName(metadatas);
  const properties = Object.keys(grouped).map((name): PropertyPlan => {
    const all = grouped[name] ?? [];
    const rest = all.filter((m) => m.type !== ValidationTypes.IS_DEFINED && m.type !== ValidationTypes.WHITELIST);
    return {
      name,
      defined: all.filter((m) => m.type === ValidationTypes.IS_DEFINED),
      custom: rest.filter((m) => m.type === ValidationTypes.CUSTOM_VALIDATION),
      nested: rest.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION),
      conditional: rest.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION),
      promise: rest.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION),
    };
  });
  plan = { properties, allowed: new Set(Object.keys(grouped).filter((name) => (grouped[name]?.length ?? 0) > 0)) };
  plans.set(metadatas, plan);
  return plan;
}

const isCollection = (value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> =>
  Array.isArray(value) || value instanceof Set || value instanceof Map;

const isPromise = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';

class Checker {
  private readonly forbidUnknownValues: boolean;

  constructor(
    private readonly storage: Storage,
    private readonly options: ValidatorOptions,
  ) {
    this.forbidUnknownValues = options.forbidUnknownValues !== false;
  }

  /** `ValidationExecutor.execute`. */
  object(object: object, schema: string | undefined): Verdict {
    const metadatas = this.storage.getTargetValidationMetadatas(object.constructor, schema as string, false, false, undefined);
    if (metadatas.length === 0 && this.forbidUnknownValues) return false;
    const plan = planOf(metadatas, this.storage);
    if (this.options.whitelist) {
      for (const key of Object.keys(object)) if (!plan.allowed.has(key)) return false;
    }
    let verdict: Verdict = true;
    for (const property of plan.properties) {
      const value = (object as Record<string, unknown>)[property.name];
      if (value instanceof Promise && property.promise) return UNDECIDED;
      const own = this.property(object, value, property.defined, property.custom, property.nested, property.conditional);
      if (own === false) return false;
      if (own === UNDECIDED) verdict = UNDECIDED;
    }
    return verdict;
  }

  /** `ValidationExecutor.performValidations`, for the verdict only. */
  private property(
    object: object,
    value: unknown,
    defined: ValidationMetadata[],
    custom: ValidationMetadata[],
    nested: ValidationMetadata[],
    conditional: ValidationMetadata[],
  ): Verdict {
    // every condition is evaluated, as class-validator does (map, then reduce)
    let canValidate = true;
    for (const metadata of conditional) {
      const condition = metadata.constraints[0] as (object: object, value: unknown) => boolean;
      canValidate = condition(object, value) && canValidate;
    }
    if (!canValidate) return true;
    const definedVerdict = this.custom(object, value, defined);
    if (definedVerdict === false) return false;
    const customVerdict = this.custom(object, value, custom);
    if (customVerdict === false) return false;
    const nestedVerdict = this.nested(value, nested);
    if (nestedVerdict === false) return false;
    return definedVerdict === UNDECIDED || customVerdict === UNDECIDED || nestedVerdict === UNDECIDED ? UNDECIDED : true;
  }

  /** `ValidationExecutor.customValidations`. */
  private custom(object: object, value: unknown, metadatas: ValidationMetadata[]): Verdict {
    let verdict: Verdict = true;
    for (const metadata of metadatas) {
      for (const constraint of this.storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        // async rules are class-validator's to run (once)
        if (constraint.async) return UNDECIDED;
        const args: ValidationArguments = {
          targetName: object.constructor ? object.constructor.name : (undefined as unknown as string),
          property: metadata.propertyName,
          object,
          value,
          constraints: metadata.constraints,
        };
        if (!metadata.each || !isCollection(value)) {
          const valid = constraint.instance.validate(value, args);
          if (isPromise(valid)) verdict = UNDECIDED;
          else if (!valid) return false;
          continue;
        }
        const items = Array.isArray(value) ? value : value instanceof Map ? Array.from(value.values()) : Array.from(value);
        for (let index = 0; index < items.length; index += 1) {
          if (!(index in items)) continue; // class-validator maps the items: holes are skipped
          const valid = constraint.instance.validate(items[index], args);
          if (isPromise(valid)) verdict = UNDECIDED;
          else if (!valid) return false;
        }
      }
    }
    return verdict;
  }

  /** `ValidationExecutor.nestedValidations`. */
  private nested(value: unknown, metadatas: ValidationMetadata[]): Verdict {
    if (value === undefined) return true;
    let verdict: Verdict = true;
    for (const metadata of metadatas) {
      if (metadata.type !== ValidationTypes.NESTED_VALIDATION && metadata.type !== ValidationTypes.PROMISE_VALIDATION) continue;
      let own: Verdict;
      if (isCollection(value)) {
        // each item as a property of its own with only these (nested) rules; a hole in an array,
        // which class-validator's forEach skips, is undefined here and passes the same way
        own = true;
        for (const item of value instanceof Map ? value.values() : value) {
          const itemVerdict = this.property(value, item, [], [], metadatas, []);
          if (itemVerdict === false) return false;
          if (itemVerdict === UNDECIDED) own = UNDECIDED;
        }
      } else if (value instanceof Object) {
        own = this.object(value, typeof metadata.target === 'string' ? metadata.target : metadata.target.name);
      } else {
        return false;
      }
      if (own === false) return false;
      if (own === UNDECIDED) verdict = UNDECIDED;
    }
    return verdict;
  }
}
