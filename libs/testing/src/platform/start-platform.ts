import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { provisionTestInfrastructure, TestInfrastructure } from '../infrastructure';
import { localAuthEnv, mintPlatformToken, PlatformRole } from './platform-tokens';
import { REPO_ROOT, runTsToEnd, ServiceChild, spawnTs, tailOf, waitUntilReady } from './service-child';

/** The five services, in the order `npm start` migrates and starts them (tools/scripts/lib/services.mjs). */
export const PLATFORM_SERVICES = ['partners', 'needs', 'catalogue', 'matching', 'notifications'] as const;
export type PlatformService = (typeof PLATFORM_SERVICES)[number];

export interface StartPlatformOptions {
  /** Names the database, subject prefix and log directory of this run. */
  label: string;
  /** Which services to run (default: all five). */
  services?: readonly PlatformService[];
  /** Extra environment for every service (and its migration), e.g. LOG_LEVEL. */
  env?: Record<string, string>;
  /** Extra environment per service, e.g. `{ notifications: { SMTP_URL } }`; wins over `env`. */
  serviceEnv?: Partial<Record<PlatformService, Record<string, string>>>;
  /** Import the ESCO/KldB taxonomy in catalogue and matching (default true: skill URIs must be known). */
  taxonomy?: boolean;
  /** Per service, to become ready after its start (default 180 s: five Nest apps on a loaded 2-core machine). */
  readyTimeoutMs?: number;
  /** Between SIGTERM and SIGKILL in stop() (default 15 s). */
  stopGraceMs?: number;
  /** Migrate the services one after the other instead of all at once (default false). */
  sequentialMigrations?: boolean;
}

export interface RunningPlatform {
  infrastructure: TestInfrastructure;
  /** Base URL per running service, e.g. `http://127.0.0.1:41234`. */
  urls: Partial<Record<PlatformService, string>>;
  /** Base URL of a running service (throws for one that was not started). */
  url(service: PlatformService): string;
  /** A development token the services accept, for one role (or several) acting for an organisation. */
  token(role: PlatformRole | PlatformRole[], partnerId: string, subject?: string): Promise<string>;
  /** Where each service's stdout and stderr go (migration output included). */
  logDir: string;
  logFile(service: PlatformService): string;
  /** Last lines of a service's log, for assertion messages. */
  logTail(service: PlatformService, lines?: number): string;
  /** Services that ended on their own, with how ('exit 1'); empty while all run. */
  crashed(): { service: string; how: string }[];
  /** How long the start took: migrations, then services until all were ready (ms). */
  timings: { migrateMs: number; readyMs: number };
  /** Stops every service (SIGTERM, then SIGKILL after the grace period) and drops the database and streams. */
  stop(): Promise<void>;
}

/** The extensions the services' migrations create (postgis, unaccent, pg_trgm), all in `public`. */
async function createExtensions(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const extension of ['postgis', 'unaccent', 'pg_trgm']) await client.query(`CREATE EXTENSION IF NOT EXISTS ${extension} WITH SCHEMA public`);
  } finally {
    await client.end();
  }
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port assigned');
  return address.port;
}

/** Development settings of tests: webhooks may go to loopback receivers. */
const SERVICE_DEFAULTS: Partial<Record<PlatformService, Record<string, string>>> = {
  notifications: { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' },
};

/**
 * The whole platform as real processes, as `npm start` runs it (`node -r @swc-node/register
 * apps/<svc>/src/main.ts`), but isolated: a database and subject prefix of its own
 * (provisionTestInfrastructure), free ports, local auth with a random secret (platform-tokens.ts)
 * and a log file per service. Migrations run first (all at once; each imports its reference data),
 * then the services. Callers reach the services only over HTTP, NATS, SMTP and webhooks — nothing
 * of an app is imported.
 */
export async function startPlatform(options: StartPlatformOptions): Promise<RunningPlatform> {
  const services = options.services ?? PLATFORM_SERVICES;
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const stopGraceMs = options.stopGraceMs ?? 15_000;
  const infrastructure = await provisionTestInfrastructure(options.label);
  const logDir = mkdtempSync(join(tmpdir(), `bildungsraum-${options.label.replace(/[^A-Za-z0-9-]/g, '')}-`));
  const logFile = (service: string) => join(logDir, `${service}.log`);
  const secret = randomBytes(36).toString('base64url');
  const common: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: infrastructure.databaseUrl,
    NATS_URL: infrastructure.natsUrl,
    BILDUNGSRAUM_SUBJECT_PREFIX: infrastructure.subjectPrefix,
    LOG_LEVEL: 'info',
    // Tests and benches call public endpoints far more often than one visitor would.
    RATE_LIMIT_ENABLED: 'false',
    ...options.env,
    ...localAuthEnv(secret),
  };
  const envOf = (service: PlatformService): NodeJS.ProcessEnv => ({ ...common, ...SERVICE_DEFAULTS[service], ...options.serviceEnv?.[service] });

  const running: ServiceChild[] = [];
  const crashes: { service: string; how: string }[] = [];
  const killAll = () => running.forEach((service) => service.kill());
  process.once('exit', killAll);
  const urls: Partial<Record<PlatformService, string>> = {};

  const stop = async () => {
    await Promise.all(running.map((service) => service.stop(stopGraceMs)));
    process.removeListener('exit', killAll);
    await infrastructure.dispose();
  };

  const timings = { migrateMs: 0, readyMs: 0 };
  try {
    let started = Date.now();
    const migrate = (service: PlatformService) => {
      const file = join(REPO_ROOT, 'apps', service, 'src', 'migrate.ts');
      if (!existsSync(file)) return Promise.resolve();
      const taxonomy = options.taxonomy === false && (service === 'catalogue' || service === 'matching') ? ['--no-taxonomy'] : [];
      return runTsToEnd(file, envOf(service), logFile(service), taxonomy);
    };
    if (options.sequentialMigrations) {
      for (const service of services) await migrate(service);
    } else {
      // Each service's first migration creates the extensions it needs; created here first, the
      // migrations' CREATE EXTENSION IF NOT EXISTS cannot race each other (pg_extension is unique).
      await createExtensions(infrastructure.databaseUrl);
      await Promise.all(services.map(migrate));
    }
    timings.migrateMs = Date.now() - started;
    started = Date.now();
    for (const service of services) {
      const port = await freePort();
      const child = spawnTs(join(REPO_ROOT, 'apps', service, 'src', 'main.ts'), { ...envOf(service), PORT: String(port) }, logFile(service));
      running.push(
        new ServiceChild(service, child, logFile(service), (ended, how) => {
          crashes.push({ service: ended.name, how });
          process.stderr.write(`[startPlatform] ${ended.name} ended unexpectedly (${how}); log ${ended.logFile}:\n${tailOf(ended.logFile)}\n`);
        }),
      );
      urls[service] = `http://127.0.0.1:${port}`;
    }
    await Promise.all(running.map((service) => waitUntilReady(service, urls[service.name as PlatformService] as string, readyTimeoutMs)));
    timings.readyMs = Date.now() - started;
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  return {
    infrastructure,
    urls,
    url(service) {
      const url = urls[service];
      if (!url) throw new Error(`${service} was not started`);
      return url;
    },
    token: (role, partnerId, subject) => mintPlatformToken(secret, role, partnerId, subject),
    logDir,
    logFile,
    logTail: (service, lines) => tailOf(logFile(service), lines),
    crashed: () => [...crashes],
    timings,
    stop,
  };
}
