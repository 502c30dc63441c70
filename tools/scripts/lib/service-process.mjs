// Child processes of `npm start`: one-shot steps (migrations, demo data) and long-running
// services, each with prefixed output. Services run in their own process group, so Ctrl-C in the
// terminal reaches only start.mjs, which then stops them with exactly one SIGTERM each: a second
// signal during Nest's graceful shutdown would kill a service before it drained NATS.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { prefixOutput } from './log-lines.mjs';
import { repoRoot } from './paths.mjs';

const tsNode = (file, args = []) => [process.execPath, ['-r', '@swc-node/register', file, ...args]];

/** Runs a TypeScript entry point to completion with prefixed output; rejects on failure. */
export function runTs(name, file, { env, args = [], output }) {
  const [command, argv] = tsNode(file, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixOutput(child, name, output);
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${name}: ${file} failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Runs a TypeScript entry point and returns its stdout (stderr passes through). */
export function captureTs(file, { env, args = [] }) {
  const [command, argv] = tsNode(file, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout.trim()) : reject(new Error(stderr.trim() || `exit ${code}`))));
  });
}

/**
 * Starts a long-running service. `onExit` is called if it ends on its own; `stop()` sends one
 * SIGTERM, waits up to graceMs for the graceful shutdown, then kills it.
 */
export function startService(name, file, { env, output, onExit }) {
  const [command, argv] = tsNode(file);
  const child = spawn(command, argv, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  prefixOutput(child, name, output);
  let exited = false;
  let stopping = false;
  const ended = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      if (!stopping) onExit?.(code, signal);
      resolve();
    }),
  );
  return {
    name,
    child,
    get exited() {
      return exited;
    },
    async stop(graceMs = 15_000) {
      stopping = true;
      if (exited) return;
      child.kill('SIGTERM');
      const timedOut = await Promise.race([ended.then(() => false), sleep(graceMs).then(() => true)]);
      if (timedOut) {
        child.kill('SIGKILL');
        await ended;
      }
    },
    /** Last resort when start.mjs itself exits abruptly. */
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}

/** Polls http://127.0.0.1:<port>/health/ready until 200; fails early if the process ended. */
export async function waitUntilReady(service, port, { timeoutMs = 180_000 } = {}) {
  const url = `http://127.0.0.1:${port}/health/ready`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.exited) throw new Error(`${service.name} ended before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(250);
  }
  throw new Error(`${service.name}: ${url} not ready within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}
