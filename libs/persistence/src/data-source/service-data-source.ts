import { DataSource, MixedList, EntitySchema } from 'typeorm';
import { assertValidSchema } from '../schema/identifiers';

export interface ServiceDataSourceOptions {
  /** postgres://user[:password]@host:port/database */
  url: string;
  /** The service's own schema; tables, the migrations table and the search_path live here. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Shown in `pg_stat_activity.application_name`. */
  applicationName?: string;
  /** Server settings every pooled connection starts with (`-c name=value`), e.g. `{ jit: 'off' }`. */
  settings?: Readonly<Record<string, string>>;
}

/**
 * A TypeORM DataSource confined to one service schema. `synchronize` is off for good: the schema
 * changes only through explicit migrations (ARCHITECTURE.md §5). `public` stays on the
 * search_path for extensions (PostGIS, unaccent, pg_trgm) installed there.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertValidSchema(options.schema);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    applicationName: options.applicationName ?? schema,
    poolSize: options.poolSize ?? 10,
    // Passed through to node-postgres: every pooled connection starts with this search_path.
    extra: { options: [`-c search_path=${schema},public`, ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`)].join(' ') },
  });
}

/**
 * Creates the service schema when missing and runs the pending migrations, each in its own
 * transaction. Initialises the DataSource if that has not happened yet.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = schemaOf(dataSource);
  // Replicas that start together must not apply the same migration twice: one holds a
  // session-level advisory lock (keyed by the schema) while the others wait for it.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}

/** The schema a DataSource created by {@link createServiceDataSource} is confined to. */
export function schemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('DataSource has no schema; create it with createServiceDataSource().');
  return assertValidSchema(schema);
}
