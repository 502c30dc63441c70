import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = join(__dirname, '..', '..');

/** Runs a TypeScript entry point of the catalogue app as a child process and returns its last stdout line. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, script), ...args], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(stdout.trim().split('\n').pop() ?? '') : reject(new Error(`${script} ${args[0] ?? ''} exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

/** The catalogue service as its own process (the load generator must not share its event loop). */
export async function startService(env: NodeJS.ProcessEnv, port: number): Promise<{ pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/catalogue/src/main.ts')], { env: { ...env, PORT: String(port) }, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`catalogue exited with ${child.exitCode}: ${stderr}`);
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok).catch(() => false)) break;
    if (Date.now() > deadline) throw new Error(`catalogue not ready within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** `concurrency` clients work through the paths back to back; latency of each 200, count of the rest. */
export async function httpLoad(port: number, paths: string[], concurrency: number): Promise<{ latencies: number[]; failed: number; seconds: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        const t0 = performance.now();
        const status = await get(port, path);
        if (status === 200) latencies.push(performance.now() - t0);
        else failed += 1;
      }
    }),
  );
  return { latencies, failed, seconds: (performance.now() - started) / 1000 };
}
