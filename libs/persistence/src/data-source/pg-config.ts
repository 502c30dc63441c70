import { ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/**
 * node-postgres settings for a dedicated connection next to a DataSource's pool (the relay's
 * LISTEN connection and its claim connection must not be borrowed from the pool: a LISTEN
 * lives as long as its session).
 */
export function pgConfigOf(source: DataSource | string, applicationName?: string): ClientConfig {
  if (typeof source === 'string') return { connectionString: source, application_name: applicationName };
  const options = source.options as PostgresConnectionOptions;
  if (options.type !== 'postgres') throw new Error(`Expected a postgres DataSource, got ${options.type}`);
  if (options.url) return { connectionString: options.url, ssl: sslOf(options), application_name: applicationName };
  return {
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
    ssl: sslOf(options),
    application_name: applicationName,
  };
}

function sslOf(options: PostgresConnectionOptions): ClientConfig['ssl'] {
  return options.ssl === undefined ? undefined : (options.ssl as ClientConfig['ssl']);
}
