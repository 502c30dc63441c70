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
  // One tree of Maps per lookup, keyed by its arguments in turn: a hit allocates nothing.
  let trees = new Map<string, Map<unknown, unknown>>();
  const forget = () => (trees = new Map());
  const child = (map: Map<unknown, unknown>, key: unknown): Map<unknown, unknown> => {
    let next = map.get(key) as Map<unknown, unknown> | undefined;
    if (!next) map.set(key, (next = new Map()));
    return next;
  };
  const cached = (name: string, lookup: (a: unknown, b?: unknown, c?: unknown) => unknown, arity: 1 | 2 | 3) =>
    function (a: unknown, b?: unknown, c?: unknown): unknown {
      let root = trees.get(name);
      if (!root) trees.set(name, (root = new Map()));
      const node = arity === 1 ? root : arity === 2 ? child(root, a) : child(child(root, a), b);
      const last = arity === 1 ? a : arity === 2 ? b : c;
      if (node.has(last)) return node.get(last);
      const found = lookup(a, b, c);
      node.set(last, found);
      return found;
    };
  const mutable = storage as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['addTypeMetadata', 'addTransformMetadata', 'addExposeMetadata', 'addExcludeMetadata', 'clear']) {
    const original = mutable[name].bind(storage);
    mutable[name] = (...args: unknown[]) => {
      forget();
      return original(...args);
    };
  }
  const lookups: Array<[string, 1 | 2 | 3]> = [
    ['findTransformMetadatas', 3], // (target, propertyName, transformationType)
    ['getExposedProperties', 2], // (target, transformationType)
    ['getExcludedProperties', 2],
    ['getExposedMetadatas', 1], // (target)
    ['getExcludedMetadatas', 1],
  ];
  for (const [name, arity] of lookups) mutable[name] = cached(name, mutable[name].bind(storage), arity);
}
