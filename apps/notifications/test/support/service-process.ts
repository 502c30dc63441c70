import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** The real service (src/main.ts) in a child process, so a test can SIGKILL it. */
export function spawnService(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/notifications/src/main.ts')], {
    env: { ...process.env, ...env },
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

export function killed(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
