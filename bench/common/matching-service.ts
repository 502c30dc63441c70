/**
 * The real matching service for benches: a fresh database and subject prefix, the service's
 * migrations (optionally with the ESCO/KldB taxonomy, so skills are read from German text), the
 * PARTNERS / NEEDS / CATALOGUE streams it consumes, and the service itself as its own process.
 * Used by bench/matching-quality (and meant for bench/matching, which started it inline first).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { NatsConnection } from '@nats-io/nats-core';
import { connectNats, drainNats, ensureServiceStream, JetStreamPublisher } from '@bildungsraum/messaging';
import { provisionTestInfrastructure, TestInfrastructure } from '@bildungsraum/testing';
import { runScript } from '../catalogue-search/service';

const ROOT = join(__dirname, '..', '..');

/** A free TCP port for the service (the OS picks it, we release it at once). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Polls `probe` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 2): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface MatchingBenchService {
  infra: TestInfrastructure;
  /** Environment the service runs with (DATABASE_URL, NATS_URL, prefix, AUTH_MODE=local …). */
  env: NodeJS.ProcessEnv;
  port: number;
  nats: NatsConnection;
  /** Publishes into the bench's PARTNERS / NEEDS / CATALOGUE streams, as those services would. */
  publisher: JetStreamPublisher;
  /** A direct connection to the bench database, for waiting on read models. */
  db: Client;
  count(sql: string, params?: unknown[]): Promise<number>;
  stop(): Promise<void>;
}

export interface MatchingServiceOptions {
  /** Import ESCO/KldB into the service's schema (~10 s; without it no skills are read from text). */
  taxonomy: boolean;
  /** Extra environment for the service (MATCH_WEIGHTS, MATCH_TOP_N …). */
  env?: Record<string, string>;
  /** The service's stderr (its warnings and errors): shown by default. */
  stderr?: 'inherit' | 'ignore';
}

export async function startMatchingService(label: string, options: MatchingServiceOptions): Promise<MatchingBenchService> {
  const infra = await provisionTestInfrastructure(label);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: infra.databaseUrl,
    NATS_URL: infra.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infra.subjectPrefix,
    LOG_LEVEL: 'warn',
    AUTH_MODE: 'local',
    NODE_ENV: 'development',
    PASSED_DATE_SWEEP_SECONDS: '0',
    RATE_LIMIT_ENABLED: 'false',
    ...options.env,
  };
  let child: ChildProcess | undefined;
  let nats: NatsConnection | undefined;
  const db = new Client({ connectionString: infra.databaseUrl });
  const stop = async () => {
    await db.end().catch(() => undefined);
    if (child && child.exitCode === null) {
      const running = child;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    }
    if (nats) await drainNats(nats);
    await infra.dispose();
  };
  try {
    await runScript('apps/matching/src/migrate.ts', options.taxonomy ? [] : ['--no-taxonomy'], env);
    nats = await connectNats({ url: infra.natsUrl, name: `bench-${label}` });
    const jsm = await jetstreamManager(nats);
    for (const service of ['partners', 'needs', 'catalogue'] as const) await ensureServiceStream(jsm, service, infra.subjectPrefix);
    const port = await freePort();
    child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/matching/src/main.ts')], {
      env: { ...env, PORT: String(port) },
      cwd: ROOT,
      stdio: ['ignore', 'ignore', options.stderr ?? 'inherit'],
    });
    const service = child;
    await waitFor(
      async () => {
        if (service.exitCode !== null) throw new Error(`matching exited with ${service.exitCode}`);
        return fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok).catch(() => false);
      },
      120_000,
      'matching ready',
      200,
    );
    await db.connect();
    return {
      infra,
      env,
      port,
      nats,
      publisher: new JetStreamPublisher(jetstream(nats), infra.subjectPrefix),
      db,
      count: async (sql, params = []) => Number(((await db.query(sql, params)).rows[0] as { n: string }).n),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
