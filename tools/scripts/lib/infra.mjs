// Finds or starts the two servers every service needs: Postgres (with PostGIS, unaccent,
// pg_trgm) and NATS with JetStream. Used by `npm test`, `npm start` and `npm run bench`.
//
// Order of preference for a server that does not answer at its URL:
//   1. the one we started earlier from .data/ (still running: reuse it, instant);
//   2. docker compose up -d <postgres|nats>, when a Docker engine answers;
//   3. local binaries (initdb/pg_ctl, nats-server), data in .data/, started detached;
//   4. otherwise fail with exactly what to install.
// Servers we start keep running after the script ends (like `docker compose up -d`), so the next
// run is fast and reuses the data; `npm run infra -- stop` stops them.
import { composeUp, dockerEngineAnswers } from './docker.mjs';
import { localPostgresStatus, startLocalPostgres } from './local-postgres.mjs';
import { DEFAULT_NATS_URL, localNatsStatus, natsAddress, probeNats, startLocalNats } from './nats.mjs';
import { isLocalHost, isPortOpen, waitForPort } from './ports.mjs';
import { createDatabaseOf, createExtensions, DEFAULT_DATABASE_URL, extensionWarnings, probePostgres, redact, waitForPostgres } from './postgres.mjs';

export { waitForPort, isPortOpen, pickFreePort } from './ports.mjs';
export { DEFAULT_DATABASE_URL } from './postgres.mjs';
export { DEFAULT_NATS_URL } from './nats.mjs';

export const INSTALL_HINT =
  'Install either the servers — Debian/Ubuntu: apt-get install postgresql postgresql-15-postgis-3 nats-server ' +
  '(postgresql-<major>-postgis-3 matching your PostgreSQL) — or Docker with the compose plugin; ' +
  'or point DATABASE_URL and NATS_URL at running servers.';

export class InfrastructureError extends Error {}

/** What to do about a probe result: 'ok', 'start' (nobody there, we may start one) or throw. */
function verdictFor(name, variable, url, probe, host) {
  if (probe.state === 'ok' || probe.state === 'no-database') return 'ok';
  if (probe.state === 'unreachable' || (probe.state === 'error' && name === 'NATS' && isLocalHost(host) && !process.env[variable])) {
    if (!isLocalHost(host)) {
      throw new InfrastructureError(`${name} at ${variable}=${redact(url)} does not answer (${probe.error?.message}). It is not on this machine, so it cannot be started here.`);
    }
    return 'start';
  }
  throw new InfrastructureError(`${name} at ${variable}=${redact(url)} answers but refuses us: ${probe.error?.message}`);
}

async function checkNatsJetStream(url) {
  const probe = await probeNats(url);
  if (probe.state !== 'ok') throw new InfrastructureError(`NATS at ${url} does not answer: ${probe.error?.message}`);
  if (!probe.jetstream) {
    throw new InfrastructureError(`NATS ${probe.version} at ${url} runs without JetStream. Restart it with -js (nats-server -js -sd <store dir>).`);
  }
  return probe;
}

/**
 * Makes sure Postgres and NATS (JetStream) answer. Reads DATABASE_URL and NATS_URL (defaults:
 * the local servers of a developer or CI machine) and returns the URLs to use — which differ
 * from the inputs when we had to start a server on another port — and what was started.
 *
 * @param {{ log?: (line: string) => void }} options
 * @returns {Promise<{ databaseUrl: string, natsUrl: string, started: Array<{ server: 'postgres'|'nats', via: 'local'|'docker', url: string, log?: string, stop: string }>, warnings: string[] }>}
 */
export async function ensureInfrastructure({ log = (line) => console.error(`[infra] ${line}`) } = {}) {
  let databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  let natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;
  const started = [];
  let [postgresProbe, natsProbe] = await Promise.all([probePostgres(databaseUrl), probeNats(natsUrl)]);
  const postgresAddress = new URL(databaseUrl);
  if (postgresProbe.state === 'unreachable' && (await isPortOpen(Number(postgresAddress.port || 5432), postgresAddress.hostname))) {
    // Something listens but does not accept us yet: a server still starting up. Give it time
    // rather than starting a second one next to it.
    log(`Postgres at ${redact(databaseUrl)} is listening but not ready yet; waiting`);
    postgresProbe = await waitForPostgres(databaseUrl, { timeoutMs: 60_000 }).catch((error) => ({ state: 'error', error }));
  }
  let needPostgres = verdictFor('Postgres', 'DATABASE_URL', databaseUrl, postgresProbe, new URL(databaseUrl).hostname) === 'start';
  let needNats = verdictFor('NATS', 'NATS_URL', natsUrl, natsProbe, natsAddress(natsUrl).host) === 'start';
  if (postgresProbe.state === 'no-database') await createDatabaseOf(databaseUrl);

  // 1. Servers we started from .data/ on an earlier run, on ports other than the URLs' ones.
  if (needPostgres && (await localPostgresStatus()).running) {
    const local = await startLocalPostgres(databaseUrl, { log });
    databaseUrl = local.url;
    needPostgres = false;
  }
  if (needNats && localNatsStatus().running) {
    const local = await startLocalNats(natsUrl, { log });
    natsUrl = local.url;
    needNats = false;
  }

  // 2. Docker, where an engine answers.
  if ((needPostgres || needNats) && (await dockerEngineAnswers())) {
    const services = [needPostgres && 'postgres', needNats && 'nats'].filter(Boolean);
    const ports = {};
    if (needPostgres) ports.POSTGRES_PORT = Number(new URL(databaseUrl).port || 5432);
    if (needNats) ports.NATS_PORT = natsAddress(natsUrl).port;
    await composeUp(services, { ports, log });
    if (needPostgres) {
      const url = new URL(databaseUrl);
      // The compose Postgres asks for a password (POSTGRES_PASSWORD, default "postgres").
      if (!url.password) url.password = process.env.POSTGRES_PASSWORD || 'postgres';
      databaseUrl = url.toString();
      const probe = await waitForPostgres(databaseUrl, { timeoutMs: 120_000 });
      if (probe.state === 'no-database') await createDatabaseOf(databaseUrl);
      started.push({ server: 'postgres', via: 'docker', url: databaseUrl, stop: 'docker compose stop postgres' });
    }
    if (needNats) {
      await waitForPort(ports.NATS_PORT, { timeoutMs: 60_000, what: 'NATS (docker)' });
      started.push({ server: 'nats', via: 'docker', url: natsUrl, stop: 'docker compose stop nats' });
    }
    needPostgres = needNats = false;
  }

  // 3. Local binaries.
  const missing = [];
  if (needPostgres) {
    const local = await startLocalPostgres(databaseUrl, { log });
    if (local) {
      databaseUrl = local.url;
      started.push({ server: 'postgres', via: 'local', url: local.url, log: local.log, stop: 'npm run infra -- stop' });
    } else missing.push(`Postgres (DATABASE_URL=${redact(databaseUrl)}; no initdb/pg_ctl in PATH or /usr/lib/postgresql/*/bin)`);
  }
  if (needNats) {
    const local = await startLocalNats(natsUrl, { log });
    if (local) {
      natsUrl = local.url;
      started.push({ server: 'nats', via: 'local', url: local.url, log: local.log, stop: 'npm run infra -- stop' });
    } else missing.push(`NATS (NATS_URL=${natsUrl}; no nats-server binary)`);
  }

  // 4. Nothing worked.
  if (missing.length) {
    throw new InfrastructureError(
      `Nicht erreichbar und nicht startbar / not reachable and cannot be started:\n  - ${missing.join('\n  - ')}\n` +
        `No Docker engine answers either. ${INSTALL_HINT}`,
    );
  }

  await checkNatsJetStream(natsUrl);
  const postgres = await probePostgres(databaseUrl);
  if (postgres.state !== 'ok') throw new InfrastructureError(`Postgres at ${redact(databaseUrl)}: ${postgres.error?.message}`);
  const warnings = [...extensionWarnings(postgres), ...(await createExtensions(databaseUrl, postgres.extensions))];
  for (const warning of warnings) log(`WARNUNG / WARNING: ${warning}`);
  log(`Postgres ${postgres.major} at ${redact(databaseUrl)}, NATS (JetStream) at ${natsUrl}`);
  return { databaseUrl, natsUrl, started, warnings };
}

/** Prints an infrastructure failure without a stack trace (the message says what to do) and exits 1. */
export function exitOnInfrastructureError(error) {
  if (error instanceof InfrastructureError) console.error(`\n✖ ${error.message}\n`);
  else console.error(error);
  process.exit(1);
}
