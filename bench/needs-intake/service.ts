import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A free TCP port for the service (the OS picks it, we release it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs `apps/needs/src/migrate.ts` (schema + reference data) against the bench database. */
export function migrate(env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/needs/src/migrate.ts')], { env, cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`needs migration failed: ${result.stderr}`);
}

/**
 * The needs service as its own process, so that the load generator does not share its event
 * loop (on 2 cores they still share the CPU with Postgres and NATS).
 */
export async function startService(
  env: NodeJS.ProcessEnv,
  port: number,
  extra: { execArgv: string[]; env: NodeJS.ProcessEnv } = { execArgv: [], env: {} },
): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  // BENCH_SERVICE_NODE_ARGS: Node options for the service alone (space-separated), e.g.
  // `--max-semi-space-size=8`; NODE_OPTIONS would reach the bench process as well.
  const nodeArgs = process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const args = [...profile, ...nodeArgs, '-r', '@swc-node/register', ...extra.execArgv, join(ROOT, 'apps/needs/src/main.ts')];
  const child = spawn(process.execPath, args, { env: { ...env, ...extra.env, PORT: String(port) }, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`needs exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`needs not ready within 60 s: ${stderr}`);
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
