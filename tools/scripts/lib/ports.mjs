// TCP helpers shared by the infrastructure scripts: probe, wait for and find free ports.
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when something accepts a TCP connection on host:port within timeoutMs. */
export function isPortOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(timeoutMs, () => done(false));
  });
}

/**
 * Waits until host:port accepts connections. Bounded: throws after timeoutMs with the name of
 * what was awaited, so a server that never comes up fails the script instead of hanging it.
 */
export async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 30_000, intervalMs = 200, what } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isPortOpen(port, host, Math.min(1000, intervalMs * 5))) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what ?? 'server'} did not open ${host}:${port} within ${Math.round(timeoutMs / 1000)} s`);
}

/** True when we can bind host:port ourselves (nobody listens there). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first of the preferred ports that is free, else one the OS hands out. */
export async function pickFreePort(preferred = [], host = '127.0.0.1') {
  for (const port of preferred) {
    if (port && (await isPortFree(port, host))) return port;
  }
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True for a host name that means "this machine", where we may start a server ourselves. */
export function isLocalHost(hostname) {
  return ['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0'].includes(hostname);
}
