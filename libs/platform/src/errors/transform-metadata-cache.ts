import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';

// The storage that class-transformer's decorators fill and plainToInstance reads (the package has
// no public export of it; this is the module its own code requires).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-transformer looks up a class's metadata anew for every property of every object it turns
 * into a class instance: `findTransformMetadatas` copies, reverses and filters the lists of the
 * class and its ancestors, `getExposedProperties`/`getExcludedProperties` filter and map them –
 * new arrays per property and request (~3 % of the needs service's allocations at 500/s,
 * bench/needs-intake). The metadata only changes when a decorator registers more (at import
 * time), so the answers are kept per class, property and direction until the next registration.
 * Callers only read the arrays (as class-transformer's own code does); the transformation itself
 * is unchanged. Counterpart of `memoizeValidationMetadata` for class-validator.
 */
export function memoizeTransformMetadata(storage: MetadataStorage = defaultMetadataStorage): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  let answers = new Map<string, Map<unknown, unknown>>();
  const forget = () => (answers = new Map());
  const cached = <A extends unknown[], R>(name: string, lookup: (target: unknown, ...rest: A) => R) => {
    return (target: unknown, ...rest: A): R => {
      const key = `${name}\u0000${rest.map(String).join('\u0000')}`;
      let byTarget = answers.get(key);
      if (!byTarget) answers.set(key, (byTarget = new Map()));
      if (byTarget.has(target)) return byTarget.get(target) as R;
      const found = lookup(target, ...rest);
      byTarget.set(target, found);
      return found;
    };
  };
  const mutable = storage as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata', 'clear']) {
    const original = mutable[name].bind(storage);
    mutable[name] = (...args: unknown[]) => {
      forget();
      return original(...args);
    };
  }
  for (const name of ['findTransformMetadatas', 'getExposedMetadatas', 'getExcludedMetadatas', 'getExposedProperties', 'getExcludedProperties']) {
    const original = mutable[name].bind(storage) as (target: unknown, ...rest: unknown[]) => unknown;
    mutable[name] = cached(name, original) as (...args: unknown[]) => unknown;
  }
}
