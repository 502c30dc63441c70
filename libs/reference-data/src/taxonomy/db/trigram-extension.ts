import { rowsOf, SqlExecutor } from '../../db/sql-executor';

/** The (quoted) schema pg_trgm is installed in, or undefined. */
export async function trigramSchema(executor: SqlExecutor): Promise<string | undefined> {
  const [row] = rowsOf(
    await executor.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    ),
  );
  return row ? `"${String(row.schema).replace(/"/g, '""')}"` : undefined;
}

/**
 * Installs pg_trgm when it is missing and the current role may: pg_trgm is a trusted extension
 * (PostgreSQL 13+), so a role with CREATE on the database needs no superuser. When it may not,
 * nothing is attempted (a failed CREATE EXTENSION would abort the caller's migration
 * transaction) and the look-ups fall back to prefix search.
 */
export async function ensureTrigramExtension(executor: SqlExecutor): Promise<string | undefined> {
  const installed = await trigramSchema(executor);
  if (installed) return installed;
  const [allowed] = rowsOf(
    await executor.query(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           OR (has_database_privilege(current_database(), 'CREATE')
               AND coalesce((SELECT trusted FROM pg_available_extension_versions v
                               JOIN pg_available_extensions a ON a.name = v.name AND a.default_version = v.version
                              WHERE v.name = 'pg_trgm'), false)) AS allowed`,
    ),
  );
  if (!allowed?.allowed) return undefined;
  await executor.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  return trigramSchema(executor);
}
