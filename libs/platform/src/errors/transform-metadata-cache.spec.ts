import 'reflect-metadata';
import { Exclude, Expose, instanceToPlain, plainToInstance, Transform, Type } from 'class-transformer';
import { memoizeTransformMetadata } from './transform-metadata-cache';

class Address {
  @Transform(({ value }) => String(value).trim()) postalCode!: string;
}

class Base {
  @Transform(({ value }) => String(value).toUpperCase()) code!: string;
  @Exclude({ toPlainOnly: true }) secret?: string;
}

class Item extends Base {
  @Type(() => Address) address!: Address;
  @Expose({ name: 'qty' }) quantity!: number;
}

describe('memoizeTransformMetadata', () => {
  beforeAll(() => memoizeTransformMetadata());

  it('transforms the same way on every call, inherited and nested metadata included', () => {
    for (let round = 0; round < 3; round += 1) {
      const item = plainToInstance(Item, { code: 'ab', secret: 's', address: { postalCode: ' 34497 ' }, qty: 3 });
      expect(item).toBeInstanceOf(Item);
      expect(item.address).toBeInstanceOf(Address);
      expect(item).toMatchObject({ code: 'AB', secret: 's', quantity: 3, address: { postalCode: '34497' } });
      expect(instanceToPlain(item)).toEqual({ code: 'AB', qty: 3, address: { postalCode: '34497' } });
    }
  });

  it('applies metadata registered after a class was first transformed', () => {
    class Late {
      @Transform(({ value }) => Number(value)) n!: number;
    }
    expect(plainToInstance(Late, { n: '4' }).n).toBe(4);
    class LateChild extends Late {
      @Transform(({ value }) => `${value}!`) text!: string;
      @Exclude() hidden?: string;
    }
    const child = plainToInstance(LateChild, { n: '5', text: 'x', hidden: 'h' });
    expect(child).toMatchObject({ n: 5, text: 'x!' });
    expect(child.hidden).toBeUndefined();
    expect(plainToInstance(Late, { n: '6', hidden: 'h' })).toEqual({ n: 6, hidden: 'h' });
  });
});
