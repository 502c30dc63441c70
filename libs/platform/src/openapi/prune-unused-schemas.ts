import type { OpenAPIObject } from '@nestjs/swagger';

const REF_PREFIX = '#/components/schemas/';

function collectReferences(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) node.forEach((item) => collectReferences(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) found.add(value.slice(REF_PREFIX.length));
      else collectReferences(value, found);
    }
  }
}

/**
 * Nest's explorer also records the payload classes of event handlers (@EventPattern) as
 * schemas, though no HTTP operation uses them; those belong in the AsyncAPI document. Keeps only
 * the schemas reachable from the paths and the other components, so clients generated from the
 * document get no dead types.
 */
export function pruneUnusedSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = document.components?.schemas;
  if (!schemas) return document;
  const reachable = new Set<string>();
  const { schemas: _schemas, ...otherComponents } = document.components ?? {};
  collectReferences({ ...document, components: otherComponents }, reachable);
  const pending = [...reachable];
  while (pending.length > 0) {
    const found = new Set<string>();
    collectReferences(schemas[pending.pop() as string], found);
    for (const name of found) {
      if (reachable.has(name)) continue;
      reachable.add(name);
      pending.push(name);
    }
  }
  for (const name of Object.keys(schemas)) if (!reachable.has(name)) delete schemas[name];
  return document;
}
