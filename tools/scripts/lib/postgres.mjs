// Postgres probing: is the server behind a URL there, does its database exist, which of the
// extensions the services need (PostGIS, unaccent, pg_trgm) can be created.
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const REQUIRED_EXTENSIONS = ['postgis', 'unaccent', 'pg_trgm'];

// Errors that mean "nobody (ready) there", as opposed to "someone there refuses us".
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', '57P03']);

/**
 * One real connection to `url`. Returns `{ state: 'ok', major, extensions }`, or the state
 * `'unreachable'` (nobody answers, or the server is still starting), `'no-database'` (server
 * there, database missing) or `'error'` (e.g. authentication failed) with the error.
 */
export async function probePostgres(url, timeoutMs = 3000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {}); // a server that goes away mid-probe must not crash the script
  try {
    await client.connect();
    const { rows } = await client.query(
      `select current_setting('server_version_num')::int / 10000 as major,
              array(select name::text from pg_available_extensions where name = any($1)) as available`,
      [REQUIRED_EXTENSIONS],
    );
    return { state: 'ok', major: rows[0].major, extensions: rows[0].available };
  } catch (error) {
    if (error.code === '3D000') return { state: 'no-database', error };
    const timedOut = /timeout|terminated unexpectedly|Connection terminated/i.test(String(error.message));
    if (UNREACHABLE_CODES.has(error.code) || timedOut) return { state: 'unreachable', error };
    return { state: 'error', error };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database named in `url` (connecting to the `postgres` database of the same server). */
export async function createDatabaseOf(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    if (error.code !== '42P04') throw error; // someone else created it meanwhile: fine
  } finally {
    await client.end();
  }
}

/** Probes until the server answers (or the database is missing), bounded by timeoutMs. */
export async function waitForPostgres(url, { timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await probePostgres(url);
    if (last.state !== 'unreachable') return last;
    await sleep(intervalMs);
  }
  throw new Error(`Postgres at ${redact(url)} did not answer within ${Math.round(timeoutMs / 1000)} s: ${last?.error?.message}`);
}

/** The URL with its password hidden, for log lines. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid url>';
  }
}

/** Warnings (German first, English second) for extensions the server cannot provide. */
export function extensionWarnings(probe) {
  const missing = REQUIRED_EXTENSIONS.filter((name) => !probe.extensions.includes(name));
  const warnings = [];
  if (missing.includes('postgis')) {
    warnings.push(
      `PostGIS fehlt auf dem Server / PostGIS is not available: apt-get install postgresql-${probe.major}-postgis-3 ` +
        '(or use the postgis/postgis Docker image). Services that store places will fail to migrate.',
    );
  }
  const contrib = missing.filter((name) => name !== 'postgis');
  if (contrib.length) {
    warnings.push(
      `${contrib.join(', ')} fehlt / missing: these ship with postgresql-contrib (Debian: part of postgresql-${probe.major}); ` +
        'catalogue search needs them.',
    );
  }
  return warnings;
}

/**
 * Creates the required extensions the server offers in the database of `url` (idempotent), as
 * deploy/postgres/init.sql does for containers. Returns warnings for those it could not create
 * (e.g. a role without the privilege); the services' migrations then have to.
 */
export async function createExtensions(url, available) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  const warnings = [];
  await client.connect();
  try {
    const { rows } = await client.query('select extname from pg_extension');
    const installed = new Set(rows.map((row) => row.extname));
    for (const name of REQUIRED_EXTENSIONS.filter((extension) => available.includes(extension) && !installed.has(extension))) {
      try {
        await client.query(`create extension if not exists ${name}`);
      } catch (error) {
        if (error.code !== '23505' && error.code !== '42710') warnings.push(`create extension ${name} in ${redact(url)}: ${error.message}`);
      }
    }
  } finally {
    await client.end();
  }
  return warnings;
}
