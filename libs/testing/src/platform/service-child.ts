import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root (libs/testing/src/platform → four levels up); services run from there. */
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** Last `lines` lines of a log file ('' when it does not exist yet). */
export function tailOf(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * A TypeScript entry point of the repository run as a child process (`node -r @swc-node/register`,
 * as `npm start` does), its stdout and stderr appended to `logFile`.
 */
export function spawnTs(file: string, env: NodeJS.ProcessEnv, logFile: string, args: string[] = []): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    return spawn(process.execPath, ['-r', '@swc-node/register', file, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', fd, fd] });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(fd);
  }
}

/** Runs a one-shot entry point (migrations) to completion; rejects with the log's tail on failure. */
export function runTsToEnd(file: string, env: NodeJS.ProcessEnv, logFile: string, args: string[] = []): Promise<void> {
  const child = spawnTs(file, env, logFile, args);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${file} failed (${signal ?? `exit ${code}`}); log ${logFile}:\n${tailOf(logFile)}`)),
    );
  });
}

/** A long-running service process: knows whether it ended and stops with SIGTERM, then SIGKILL. */
export class ServiceChild {
  private exitInfo?: string;
  private stopping = false;
  private readonly ended: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
    onUnexpectedExit: (service: ServiceChild, how: string) => void,
  ) {
    this.ended = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exitInfo = signal ?? `exit ${code}`;
        if (!this.stopping) onUnexpectedExit(this, this.exitInfo);
        resolve();
      }),
    );
  }

  /** Why the process ended ('exit 1', 'SIGKILL'), undefined while it runs. */
  get exited(): string | undefined {
    return this.exitInfo;
  }

  /** One SIGTERM (a second one would cut Nest's graceful NATS drain short), SIGKILL after graceMs. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    if (this.exitInfo) return;
    this.child.kill('SIGTERM');
    // The grace timer is cancelled once the process ended, so it keeps nothing (Jest) waiting.
    const grace = new AbortController();
    const timedOut = await Promise.race([
      this.ended.then(() => false),
      sleep(graceMs, true, { signal: grace.signal }).catch(() => false),
    ]);
    grace.abort();
    if (timedOut) {
      this.child.kill('SIGKILL');
      await this.ended;
    }
  }

  /** Last resort when the test process itself exits. */
  kill(): void {
    if (!this.exitInfo) this.child.kill('SIGKILL');
  }
}

/** Polls `<url>/health/ready` until 200; fails early, with the log's tail, if the process ended. */
export async function waitUntilReady(service: ServiceChild, baseUrl: string, timeoutMs: number): Promise<void> {
  const url = `${baseUrl}/health/ready`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.exited) throw new Error(`${service.name} ended (${service.exited}) before it was ready; log ${service.logFile}:\n${tailOf(service.logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = error instanceof Error ? String((error.cause as { code?: string } | undefined)?.code ?? error.message) : String(error);
    }
    await sleep(250);
  }
  throw new Error(`${service.name}: ${url} not ready within ${Math.round(timeoutMs / 1000)} s (last: ${last}); log ${service.logFile}:\n${tailOf(service.logFile)}`);
}
