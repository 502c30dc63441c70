import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { dockerAvailable, startContainers } from './containers';

export interface TestInfrastructure {
  /** A database of its own for this run, dropped by `dispose()`. */
  databaseUrl: string;
  natsUrl: string;
  /** Subject/stream prefix of its own, so parallel runs on one NATS server never meet. */
  subjectPrefix: string;
  dispose(): Promise<void>;
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';

let shared: Promise<{ adminUrl: string; natsUrl: string }> | undefined;

/**
 * Where the servers are: Testcontainers when a Docker engine answers and no server was named,
 * otherwise `DATABASE_URL` / `NATS_URL` (as on CI, where both run locally).
 */
function servers(): Promise<{ adminUrl: string; natsUrl: string }> {
  shared ??= (async () => {
    const named = process.env.DATABASE_URL || process.env.NATS_URL;
    if (!named && process.env.BILDUNGSRAUM_TESTCONTAINERS !== 'off' && (await dockerAvailable())) {
      return startContainers();
    }
    return {
      adminUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
      natsUrl: process.env.NATS_URL || DEFAULT_NATS_URL,
    };
  })();
  return shared;
}

/** A fresh database and subject prefix for one test file. */
export async function provisionTestInfrastructure(label = 'test'): Promise<TestInfrastructure> {
  const { adminUrl, natsUrl } = await servers();
  const suffix = randomBytes(4).toString('hex');
  const safeLabel = label.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 20) || 'test';
  const database = `br_${safeLabel}_${suffix}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${database}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const subjectPrefix = `t${suffix}${safeLabel.slice(0, 8)}`;
  return {
    databaseUrl: url.toString(),
    natsUrl,
    subjectPrefix,
    dispose: async () => {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
      await deleteStreamsWithPrefix(natsUrl, subjectPrefix);
    },
  };
}

/** Streams keep a year of history by default: a test run removes the ones it created. */
async function deleteStreamsWithPrefix(natsUrl: string, prefix: string): Promise<void> {
  const connection = await connect({ servers: natsUrl, maxReconnectAttempts: 1 }).catch(() => undefined);
  if (!connection) return; // a test that stopped NATS on purpose may leave it down; nothing to clean then
  try {
    const jsm = await jetstreamManager(connection);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${prefix}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await connection.close();
  }
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
