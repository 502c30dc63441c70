import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { EventDefinition, PayloadClass } from '../../src';

export type JsonSchema = { [key: string]: unknown };

/** class-validator rules the library has no converter for; without these they'd be a bare `number`. */
const ADDITIONAL_CONVERTERS = {
  isLatitude: { type: 'number', minimum: -90, maximum: 90 },
  isLongitude: { type: 'number', minimum: -180, maximum: 180 },
} as const;

/**
 * JSON Schemas of the payload classes and of every class nested in them (`@ValidateNested` +
 * `@Type(() => X)`), keyed by class name. Nested classes are found through class-transformer's
 * `@Type` metadata, so each gets its own schema and is referenced as `<refPointerPrefix><Name>`.
 * `targetConstructorToSchema` includes inherited rules, so an event class that only extends a
 * snapshot class gets the full schema under its own name.
 */
export function classSchemas(payloads: ReadonlyArray<PayloadClass>, refPointerPrefix: string): Map<string, JsonSchema> {
  const options = { classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix, additionalConverters: ADDITIONAL_CONVERTERS };
  const schemas = new Map<string, JsonSchema>();
  const classes = new Map<string, PayloadClass>();
  const visit = (target: PayloadClass): void => {
    const known = classes.get(target.name);
    if (known === target) return;
    if (known) throw new Error(`Two contract classes are named ${target.name}; schema names must be unique`);
    classes.set(target.name, target);
    schemas.set(target.name, targetConstructorToSchema(target, options) as JsonSchema);
    nestedClasses(target).forEach(visit);
  };
  payloads.forEach(visit);
  return schemas;
}

/** Classes referenced by `@ValidateNested` properties of a class (including inherited ones). */
function nestedClasses(target: PayloadClass): PayloadClass[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return metadata
    .filter((meta) => meta.type === ValidationTypes.NESTED_VALIDATION)
    .map((meta) => {
      const typeMeta = defaultMetadataStorage.findTypeMetadata(target, meta.propertyName);
      if (!typeMeta) throw new Error(`${target.name}.${meta.propertyName} is @ValidateNested without @Type(() => ...)`);
      return typeMeta.typeFunction() as PayloadClass;
    });
}

/** Names of the classes a schema refers to, directly or through its nested classes. */
export function referencedClasses(root: string, schemas: Map<string, JsonSchema>, refPointerPrefix: string): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string' && child.startsWith(refPointerPrefix)) {
        const name = child.slice(refPointerPrefix.length);
        if (!found.has(name)) {
          found.add(name);
          walk(schemas.get(name));
        }
      } else walk(child);
    }
  };
  walk(schemas.get(root));
  return [...found].sort();
}

/**
 * A self-contained JSON Schema (draft 2020-12) of one event's payload, nested classes under `$defs`:
 * what docs/schemas/<type>.schema.json holds for integrators who validate without AsyncAPI tooling.
 */
export function standalonePayloadSchema(definition: EventDefinition): JsonSchema {
  const prefix = '#/$defs/';
  const schemas = classSchemas([definition.payload], prefix);
  const root = schemas.get(definition.payload.name) as JsonSchema;
  const defs = referencedClasses(definition.payload.name, schemas, prefix);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${definition.type}.schema.json`,
    title: definition.payload.name,
    description: `${definition.summary}. Payload of ${definition.type} (CloudEvents data, application/json).`,
    ...root,
    ...(defs.length ? { $defs: Object.fromEntries(defs.map((name) => [name, schemas.get(name)])) } : {}),
  };
}
