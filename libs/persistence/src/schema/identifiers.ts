/**
 * Schema names end up inside SQL text (identifiers cannot be bound as parameters), so they are
 * checked against a strict pattern instead of being escaped: a service schema is a plain
 * lower-case identifier such as `partners` or `t3f9a_needs`.
 */
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,50}$/;

export function assertValidSchema(schema: string): string {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and "_" (max. 51 characters).`);
  }
  return schema;
}

/** `"<schema>"."<table>"`, quoted so that reserved words stay harmless. */
export function qualified(schema: string, table: string): string {
  return `"${assertValidSchema(schema)}"."${table}"`;
}

/** Channel the outbox of a schema notifies on; LISTEN/NOTIFY channel names are identifiers too. */
export function outboxChannel(schema: string): string {
  return `${assertValidSchema(schema)}_outbox`;
}
