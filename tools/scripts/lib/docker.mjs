// Docker detection for ensureInfrastructure: only used when a Docker engine actually answers
// (a docker client without an engine, as on the CI machines, counts as "no Docker").
import { repoRoot } from './paths.mjs';
import { run, which } from './proc.mjs';

/** True when `docker info` reaches an engine within a few seconds. */
export async function dockerEngineAnswers() {
  if (!which('docker')) return false;
  try {
    const info = await run('docker', ['info', '--format', '{{.ServerVersion}}'], { check: false, timeoutMs: 8000 });
    return info.code === 0 && info.stdout.trim() !== '';
  } catch {
    return false;
  }
}

/** `docker compose` (plugin) or the standalone `docker-compose`, whichever exists. */
export async function composeCommand() {
  const plugin = await run('docker', ['compose', 'version'], { check: false, timeoutMs: 8000 }).catch(() => ({ code: 1 }));
  if (plugin.code === 0) return ['docker', ['compose']];
  const standalone = which('docker-compose');
  return standalone ? [standalone, []] : undefined;
}

/**
 * `docker compose up -d <services>` with the repository's docker-compose.yml. Host ports come
 * from POSTGRES_PORT / NATS_PORT, so the published ports match the URLs we were asked for.
 */
export async function composeUp(services, { ports = {}, log }) {
  const compose = await composeCommand();
  if (!compose) throw new Error('A Docker engine answers, but neither `docker compose` nor `docker-compose` is installed.');
  const [command, prefix] = compose;
  log(`Docker: ${[command, ...prefix].join(' ')} up -d ${services.join(' ')}`);
  await run(command, [...prefix, 'up', '-d', ...services], {
    cwd: repoRoot,
    env: { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])) },
    timeoutMs: 10 * 60_000, // the first run pulls images
  });
}
