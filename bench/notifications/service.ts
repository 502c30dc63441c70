import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export function migrateNotifications(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/notifications/src/migrate.ts')], { env, cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`notifications migration failed: ${result.stderr}`);
}

/** The notifications service (consumer + worker + HTTP) in its own process. */
export async function startNotifications(env: NodeJS.ProcessEnv, port: number): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []), '-r', '@swc-node/register', join(ROOT, 'apps/notifications/src/main.ts')], { env: { ...env, PORT: String(port) }, cwd: ROOT, stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`notifications exited with ${child.exitCode}: ${stderr}`);
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error(`notifications not ready within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
