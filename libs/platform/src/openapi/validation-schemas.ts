import type { OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject, ReferenceObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { createRequire } from 'node:module';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

// The storage where @Type(() => Nested) lives, needed to describe nested DTOs. class-transformer
// ships no declaration beside this CommonJS file, so it is loaded without a static import.
const { defaultMetadataStorage } = createRequire(__filename)('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

const REF_PREFIX = '#/components/schemas/';

function isEmptyObjectSchema(schema: SchemaObject | ReferenceObject | undefined): boolean {
  return !!schema && !('$ref' in schema) && (!schema.properties || Object.keys(schema.properties).length === 0) && !schema.allOf && !schema.oneOf;
}

function referencedNames(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => referencedNames(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) found.add(value.slice(REF_PREFIX.length));
      else referencedNames(value, found);
    }
  }
  return found;
}

/**
 * DTOs carry class-validator decorators, not @ApiProperty ones, and SWC runs no Swagger CLI plugin,
 * so Nest writes empty schemas for request bodies. Fill each empty schema (and the nested DTOs
 * it references) from the validation rules: one source of truth for what the API accepts.
 */
export function describeDtosFromValidation(document: OpenAPIObject): OpenAPIObject {
  const derived = validationMetadatasToSchemas({ refPointerPrefix: REF_PREFIX, classTransformerMetadataStorage: defaultMetadataStorage }) as Record<string, SchemaObject>;
  document.components ??= {};
  const schemas = (document.components.schemas ??= {});
  const pending = Object.keys(schemas).filter((name) => isEmptyObjectSchema(schemas[name]) && derived[name]);
  while (pending.length > 0) {
    const name = pending.pop() as string;
    schemas[name] = derived[name];
    for (const reference of referencedNames(derived[name])) {
      if (derived[reference] && (!schemas[reference] || isEmptyObjectSchema(schemas[reference]))) pending.push(reference);
    }
  }
  return document;
}
