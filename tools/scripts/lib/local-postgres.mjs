// A Postgres cluster of our own under <repo>/.data/postgres, for machines without a running
// server and without Docker. It runs detached (like `docker compose up -d`): it outlives the
// script that started it, so the next `npm test` / `npm start` reuses it at once;
// `npm run infra -- stop` stops it.
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureDataDir, dataDir } from './paths.mjs';
import { isRoot, run, which } from './proc.mjs';
import { pickFreePort } from './ports.mjs';
import { createDatabaseOf, waitForPostgres } from './postgres.mjs';

export const postgresDataDir = join(dataDir, 'postgres');
export const postgresLog = join(dataDir, 'postgres.log');
const portFile = join(dataDir, 'postgres.port');

/** initdb and pg_ctl from PATH, else from the newest /usr/lib/postgresql/<major>/bin (Debian). */
export function findPostgresBinaries() {
  const fromPath = [which('pg_ctl'), which('initdb')];
  if (fromPath.every(Boolean)) return { pgCtl: realpathSync(fromPath[0]), initdb: realpathSync(fromPath[1]) };
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base) ? readdirSync(base).filter((name) => /^\d+$/.test(name)).sort((a, b) => b - a) : [];
  for (const major of majors) {
    const bin = join(base, major, 'bin');
    if (existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'initdb'))) return { pgCtl: join(bin, 'pg_ctl'), initdb: join(bin, 'initdb') };
  }
  return undefined;
}

/** Postgres refuses to run as root; as root we run its tools as the `postgres` OS user. */
async function serverUser() {
  if (!isRoot) return undefined;
  const id = await run('id', ['-u', 'postgres'], { check: false });
  if (id.code !== 0) {
    throw new Error('Postgres cannot run as root and there is no `postgres` OS user: apt-get install postgresql creates it (or run as a normal user).');
  }
  const gid = await run('id', ['-g', 'postgres']);
  return { name: 'postgres', uid: Number(id.stdout), gid: Number(gid.stdout) };
}

/** Port the running cluster listens on (line 4 of postmaster.pid), if it runs. */
async function runningPort(binaries, user) {
  const pidFile = join(postgresDataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const status = await run(binaries.pgCtl, ['-D', postgresDataDir, 'status'], { user: user?.name, check: false });
  if (status.code !== 0) return undefined;
  return Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
}

async function majorOf(pgCtl) {
  const { stdout } = await run(pgCtl, ['--version']);
  return stdout.match(/\(PostgreSQL\) (\d+)/)?.[1];
}

async function initCluster(binaries, user, superuser) {
  mkdirSync(postgresDataDir, { recursive: true });
  chmodSync(postgresDataDir, 0o700);
  if (user) chownSync(postgresDataDir, user.uid, user.gid);
  await run(binaries.initdb, ['-D', postgresDataDir, '-U', superuser, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions'], {
    user: user?.name,
  });
  // TCP on loopback only (trust auth must never face a network); no Unix socket, so we need no
  // writable /var/run/postgresql. The port is given at start, because it may change.
  appendFileSync(
    join(postgresDataDir, 'postgresql.conf'),
    "\n# bildungsraum (tools/scripts/lib/local-postgres.mjs)\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\n",
  );
}

/**
 * Starts (or finds running) the cluster in .data/postgres and returns its URL, with the user and
 * database of `url`. Prefers the port of `url`, then the one used last time, then any free one.
 */
export async function startLocalPostgres(url, { log }) {
  const binaries = findPostgresBinaries();
  if (!binaries) return undefined;
  ensureDataDir();
  const user = await serverUser();
  const wanted = new URL(url);
  const superuser = decodeURIComponent(wanted.username || 'postgres');
  const atPort = (port) => {
    const result = new URL(url);
    result.hostname = '127.0.0.1';
    result.port = String(port);
    return result.toString();
  };

  let port = await runningPort(binaries, user);
  if (port) {
    log(`Postgres: reusing the local cluster in .data/postgres on port ${port}`);
  } else {
    const major = await majorOf(binaries.pgCtl);
    const versionFile = join(postgresDataDir, 'PG_VERSION');
    if (!existsSync(versionFile)) {
      log(`Postgres: creating a local cluster (PostgreSQL ${major}) in .data/postgres`);
      await initCluster(binaries, user, superuser);
    } else if (readFileSync(versionFile, 'utf8').trim() !== major) {
      throw new Error(
        `.data/postgres was created by PostgreSQL ${readFileSync(versionFile, 'utf8').trim()}, but the binaries in ${dirname(binaries.pgCtl)} are ${major}. ` +
          'Install that version, or delete .data/postgres (its local data is lost).',
      );
    }
    const previous = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined;
    port = await pickFreePort([Number(wanted.port || 5432), previous]);
    if (!existsSync(postgresLog)) writeFileSync(postgresLog, '');
    if (user) chownSync(postgresLog, user.uid, user.gid);
    log(`Postgres: starting the local cluster on 127.0.0.1:${port} (log: .data/postgres.log)`);
    await run(binaries.pgCtl, ['-D', postgresDataDir, '-l', postgresLog, '-w', '-t', '60', '-o', `-p ${port}`, 'start'], { user: user?.name });
    writeFileSync(portFile, String(port));
  }
  const result = atPort(port);
  const probe = await waitForPostgres(result);
  if (probe.state === 'no-database') await createDatabaseOf(result);
  return { url: result, port, log: postgresLog, dataDir: postgresDataDir };
}

/** Stops the cluster in .data/postgres if it runs (fast shutdown: active sessions are ended). */
export async function stopLocalPostgres({ log }) {
  const binaries = findPostgresBinaries();
  if (!binaries || !existsSync(join(postgresDataDir, 'postmaster.pid'))) return false;
  const user = await serverUser();
  const result = await run(binaries.pgCtl, ['-D', postgresDataDir, '-m', 'fast', '-w', 'stop'], { user: user?.name, check: false });
  if (result.code === 0) log('Postgres: stopped the local cluster in .data/postgres');
  return result.code === 0;
}

/** Whether the cluster in .data/postgres runs, and on which port. */
export async function localPostgresStatus() {
  const binaries = findPostgresBinaries();
  if (!binaries) return { running: false };
  const port = await runningPort(binaries, await serverUser());
  return { running: Boolean(port), port };
}
