// NATS probing (TCP connect + the server's INFO line) and a nats-server of our own under
// <repo>/.data/nats for machines without one. Like the local Postgres it runs detached and
// outlives the script that started it; `npm run infra -- stop` stops it.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataDir, ensureDataDir } from './paths.mjs';
import { pickFreePort, waitForPort } from './ports.mjs';
import { which } from './proc.mjs';

export const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
export const natsDataDir = join(dataDir, 'nats');
export const natsLog = join(dataDir, 'nats.log');
const pidFile = join(dataDir, 'nats.pid');
const portFile = join(dataDir, 'nats.port');

/** host and port of the first server of a NATS URL list (`nats://a:4222,nats://b:4222`). */
export function natsAddress(url) {
  const first = url.split(',')[0].trim();
  const parsed = new URL(first.includes('://') ? first : `nats://${first}`);
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port || 4222) };
}

/**
 * Connects and reads the INFO line every NATS server sends first. `{ state: 'ok', jetstream,
 * version }`, `'unreachable'`, or `'error'` when something else answers on that port.
 */
export function probeNats(url, timeoutMs = 2000) {
  const { host, port } = natsAddress(url);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let buffer = '';
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ state: buffer ? 'error' : 'unreachable', error: new Error('no INFO line from the server') }));
    socket.once('error', (error) => done({ state: 'unreachable', error }));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      const end = buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = buffer.slice(0, end);
      if (!line.startsWith('INFO ')) return done({ state: 'error', error: new Error(`not a NATS server: ${line.slice(0, 60)}`) });
      try {
        const info = JSON.parse(line.slice(5));
        done({ state: 'ok', jetstream: info.jetstream === true, version: info.version, authRequired: info.auth_required === true });
      } catch (error) {
        done({ state: 'error', error });
      }
    });
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    // A recycled pid must not be mistaken for our server.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('nats-server');
  } catch {
    return false;
  }
}

function ownPid() {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  return pid && alive(pid) ? pid : undefined;
}

export function findNatsServer() {
  return which('nats-server', ['/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/usr/bin']);
}

/**
 * Starts (or finds running) nats-server with JetStream on loopback, store in .data/nats.
 * Prefers the port of `url`, then last time's, then any free one. Returns its URL.
 */
export async function startLocalNats(url, { log }) {
  const binary = findNatsServer();
  if (!binary) return undefined;
  ensureDataDir();
  const running = ownPid();
  if (running && existsSync(portFile)) {
    const port = Number(readFileSync(portFile, 'utf8'));
    const probe = await probeNats(`nats://127.0.0.1:${port}`);
    if (probe.state === 'ok' && probe.jetstream) {
      log(`NATS: reusing the local nats-server (pid ${running}) on port ${port}`);
      return { url: `nats://127.0.0.1:${port}`, port, log: natsLog, dataDir: natsDataDir };
    }
  }
  const previous = existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined;
  const port = await pickFreePort([natsAddress(url).port, previous]);
  log(`NATS: starting ${binary} with JetStream on 127.0.0.1:${port} (store: .data/nats, log: .data/nats.log)`);
  // Early errors (bad flags) go to stderr before -l takes over, so stderr goes to the log too.
  const logFd = openSync(natsLog, 'a');
  const args = ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', natsDataDir, '-n', 'bildungsraum-dev', '-l', natsLog, '-P', pidFile];
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let exited;
  child.once('exit', (code, signal) => (exited = signal ?? `exit ${code}`));
  child.unref();
  try {
    await waitForPort(port, { timeoutMs: 20_000, what: 'nats-server' });
  } catch (error) {
    const tail = existsSync(natsLog) ? readFileSync(natsLog, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
    throw new Error(`${error.message}${exited ? ` (it ended: ${exited})` : ''}\n${tail}`);
  }
  writeFileSync(portFile, String(port));
  const probe = await probeNats(`nats://127.0.0.1:${port}`);
  if (probe.state !== 'ok' || !probe.jetstream) throw new Error(`the nats-server started on port ${port} does not report JetStream`);
  return { url: `nats://127.0.0.1:${port}`, port, log: natsLog, dataDir: natsDataDir };
}

/** Stops our nats-server (SIGTERM, then SIGKILL after 10 s). Never touches a server we did not start. */
export async function stopLocalNats({ log }) {
  const pid = ownPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 10_000 && alive(pid); waited += 100) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
  log(`NATS: stopped the local nats-server (pid ${pid})`);
  return true;
}

export function localNatsStatus() {
  const pid = ownPid();
  return { running: Boolean(pid), pid, port: pid && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined };
}
