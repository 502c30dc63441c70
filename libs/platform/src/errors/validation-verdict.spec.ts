import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidatorOptions,
} from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';
import { validationVerdict } from './validation-verdict';

@ValidatorConstraint({ name: 'evenLength' })
class EvenLength implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && value.length % (args.constraints[0] as number) === 0;
  }
}

@ValidatorConstraint({ name: 'slowCheck', async: true })
class SlowCheck implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    return Promise.resolve(value !== 'bad');
  }
}

class Count {
  @IsIn(['employees', 'apprentices']) group!: string;
  @IsInt() @Min(1) @Max(100) count!: number;
}

class Place {
  @IsOptional() @IsUUID() siteId?: string;
  @IsOptional() @Matches(/^\d{5}$/) postalCode?: string;
  @IsOptional() @IsString() @Length(1, 20) city?: string;
}

class Fields {
  @IsOptional() @IsArray() @ArrayMaxSize(3) @ArrayUnique() @Matches(/^skill:/, { each: true }) skills?: string[];
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(['a', 'b', 'c'], { each: true }) kinds?: string[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => Count) counts?: Count[];
  @IsOptional() @ValidateNested() @Type(() => Place) place?: Place;
  @IsOptional() @IsBoolean() flag?: boolean;
}

class Request extends Fields {
  @IsString() @Length(1, 40) description!: string;
  @IsInt() @Min(1) participants!: number;
  @IsDefined() mustExist!: unknown;
  @ValidateIf((object: Request) => object.participants > 5) @IsString() reason?: string;
  @IsOptional() @Validate(EvenLength, [2]) code?: string;
  @Allow() free?: unknown;
  @IsOptional() @ValidateNested() untyped?: object;
}

class WithAsync {
  @Validate(SlowCheck) name!: string;
}

const valid = {
  description: 'Staplerschein',
  participants: 7,
  mustExist: 0,
  reason: 'Lager',
  code: 'ab',
  free: { anything: true },
  skills: ['skill:1', 'skill:2'],
  kinds: ['a', 'c'],
  counts: [{ group: 'employees', count: 2 }, { group: 'apprentices', count: 1 }],
  place: { siteId: '3f0b2b4e-5f0f-4f55-9d4a-6c0f2f8c9a11', postalCode: '34497', city: 'Korbach' },
  flag: true,
};

const ODD: unknown[] = [undefined, null, '', 'x', 'skill:3', 'a', 0, -1, 1.5, 7, 1e9, true, [], {}, ['x'], ['a', 'a'], [{}], [null], [{ group: 'employees', count: 0 }], { city: '' }];

/** The payload with one change at `path`: each odd value, deleted, or an unknown key beside it. */
function* mutations(value: unknown, path: string[] = []): Generator<{ label: string; apply: (root: unknown) => unknown }> {
  const at = (root: unknown, change: (parent: Record<string, unknown>, key: string) => void) => {
    const copy = structuredClone(root) as Record<string, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    change(parent, path[path.length - 1] as string);
    return copy;
  };
  if (path.length > 0) {
    for (const odd of ODD) yield { label: `${path.join('.')} = ${JSON.stringify(odd)}`, apply: (root) => at(root, (parent, key) => (parent[key] = structuredClone(odd))) };
    yield { label: `${path.join('.')} deleted`, apply: (root) => at(root, (parent, key) => delete parent[key]) };
  }
  if (value !== null && typeof value === 'object') {
    if (!Array.isArray(value)) {
      yield {
        label: `${path.join('.') || '(root)'} + unknown`,
        apply: (root) => {
          const copy = structuredClone(root) as Record<string, unknown>;
          let target = copy;
          for (const key of path) target = target[key] as Record<string, unknown>;
          target.unknown = 1;
          return copy;
        },
      };
    }
    for (const [key, child] of Object.entries(value)) yield* mutations(child, [...path, key]);
  }
}

const PIPE_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, validationError: { target: false, value: false } };

describe('validationVerdict', () => {
  beforeAll(() => memoizeValidationMetadata());

  it.each([
    ['the platform pipe', PIPE_OPTIONS],
    ['class-validator defaults', {}],
    ['unknown values allowed', { forbidUnknownValues: false, whitelist: true, forbidNonWhitelisted: true }],
  ])('agrees with class-validator on every mutation of a payload (%s)', async (_name, options: ValidatorOptions) => {
    const cases = [{ label: 'valid', apply: (root: unknown) => root }, ...mutations(valid)];
    expect(cases.length).toBeGreaterThan(500);
    let decided = 0;
    let rejected = 0;
    for (const { label, apply } of cases) {
      const instance = plainToInstance(Request, apply(valid));
      const verdict = validationVerdict(instance, options);
      const errors = await validate(plainToInstance(Request, apply(valid)), options);
      if (verdict !== undefined) {
        decided += 1;
        expect({ label, verdict }).toEqual({ label, verdict: errors.length === 0 });
      }
      if (errors.length > 0) rejected += 1;
    }
    // it decides every case of sync rules, and the mutations do break rules
    expect(decided).toBe(cases.length);
    expect(rejected).toBeGreaterThan(cases.length / 2);
  });

  it('accepts the valid payload and rejects an unknown nested class or a primitive where an object belongs', () => {
    expect(validationVerdict(plainToInstance(Request, valid), PIPE_OPTIONS)).toBe(true);
    expect(validationVerdict(plainToInstance(Request, { ...valid, untyped: { a: 1 } }), PIPE_OPTIONS)).toBe(false);
    expect(validationVerdict(plainToInstance(Request, { ...valid, place: 'Korbach' }), PIPE_OPTIONS)).toBe(false);
    expect(validationVerdict(plainToInstance(Request, { ...valid, counts: [3] }), PIPE_OPTIONS)).toBe(false);
    expect(validationVerdict({}, PIPE_OPTIONS)).toBe(false);
  });

  it('leaves async rules, groups and stripping whitelists to class-validator', () => {
    expect(validationVerdict(plainToInstance(WithAsync, { name: 'ok' }), PIPE_OPTIONS)).toBeUndefined();
    expect(validationVerdict(plainToInstance(Request, valid), { ...PIPE_OPTIONS, groups: ['x'] })).toBeUndefined();
    expect(validationVerdict(plainToInstance(Request, valid), { whitelist: true })).toBeUndefined();
  });

  it('follows rules registered after a class was first checked', () => {
    class Late {
      @IsString() text!: string;
    }
    expect(validationVerdict(Object.assign(new Late(), { text: 'a' }), PIPE_OPTIONS)).toBe(true);
    Length(2, 5)(Late.prototype, 'text');
    expect(validationVerdict(Object.assign(new Late(), { text: 'a' }), PIPE_OPTIONS)).toBe(false);
  });
});
