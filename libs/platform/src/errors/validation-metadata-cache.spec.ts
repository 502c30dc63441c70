import 'reflect-metadata';
import { IsInt, IsString, Min, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString() name!: string;
}

class Derived extends Base {
  @IsInt() @Min(1) count!: number;
}

const fields = (object: object) => validateSync(object, { forbidUnknownValues: true }).map((error) => error.property);

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('validates the same way on every call, inherited rules included', () => {
    const bad = Object.assign(new Derived(), { name: 7, count: 0 });
    const good = Object.assign(new Derived(), { name: 'Stapler', count: 2 });
    for (let round = 0; round < 3; round += 1) {
      expect(fields(bad)).toEqual(['count', 'name']);
      expect(fields(good)).toEqual([]);
    }
  });

  it('applies rules registered after a class was first validated', () => {
    class Late {
      @IsString() text!: string;
    }
    expect(fields(Object.assign(new Late(), { text: 1 }))).toEqual(['text']);
    class LateChild extends Late {
      @IsInt() more!: number;
    }
    expect(fields(Object.assign(new LateChild(), { text: 1, more: 'x' })).sort()).toEqual(['more', 'text']);
    expect(fields(Object.assign(new Late(), { text: 1 }))).toEqual(['text']);
  });
});
