/**
 * What the storage code needs of a connection. A TypeORM `QueryRunner` or `DataSource` and a
 * `pg` `Client` all fit, so services can call this from a migration or a command alike.
 */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A TypeORM DataSource: hands out a dedicated connection for a transaction. */
export interface ConnectionSource {
  createQueryRunner(): {
    connect(): Promise<unknown>;
    release(): Promise<void>;
    query(sql: string, parameters?: unknown[]): Promise<unknown>;
  };
}

export type Row = Record<string, unknown>;

/** Rows of a SELECT, whether the driver returns them bare (TypeORM) or in a result (pg). */
export function rowsOf(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: Row[] }).rows;
  }
  return [];
}

const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a schema name after checking it, since it is spliced into SQL. */
export function quoteSchema(schema: string): string {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new Error(`Invalid schema name "${schema}": use lower-case letters, digits and "_".`);
  }
  return `"${schema}"`;
}

/**
 * The (quoted) schema the PostGIS extension is installed in, or undefined without PostGIS.
 * Types and functions are qualified with it, because a service's connection may set a
 * search_path that names only its own schema.
 */
export async function postgisSchema(executor: SqlExecutor): Promise<string | undefined> {
  const [row] = rowsOf(
    await executor.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'`,
    ),
  );
  return row ? `"${String(row.schema).replace(/"/g, '""')}"` : undefined;
}

/** True when `ref_district` of the schema has the PostGIS columns (tables created with PostGIS). */
export async function hasGeometryColumns(executor: SqlExecutor, schema: string): Promise<boolean> {
  const rows = rowsOf(
    await executor.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'ref_district' AND column_name = 'boundary'`,
      [schema],
    ),
  );
  return rows.length > 0;
}
