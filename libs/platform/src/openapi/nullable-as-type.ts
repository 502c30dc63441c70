import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * `@ApiProperty({ nullable: true })` writes OpenAPI 3.0's `nullable`, which 3.1 (JSON Schema
 * 2020-12) no longer has; validators reject it. Rewrites it as 3.1 says: `type: ['string',
 * 'null']`, or `anyOf: [{ $ref }, { type: 'null' }]` for a reference.
 */
export function nullableAsType(document: OpenAPIObject): OpenAPIObject {
  rewrite(document.components?.schemas);
  rewrite(document.paths);
  return document;
}

function rewrite(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(rewrite);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true) {
    delete schema.nullable;
    if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
    else if (typeof schema.$ref === 'string') {
      schema.anyOf = [{ $ref: schema.$ref }, { type: 'null' }];
      delete schema.$ref;
    }
  } else if (schema.nullable === false) delete schema.nullable;
  Object.values(schema).forEach(rewrite);
}
