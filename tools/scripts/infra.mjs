#!/usr/bin/env node
// `npm run infra [-- up|env|status|stop]`: the infrastructure part of `npm start` on its own.
//   up (default)  find or start Postgres and NATS (see lib/infra.mjs), print what is used
//   env           same, but print only `export DATABASE_URL=… NATS_URL=…` for `eval "$(…)"`
//   status        which servers answer, and which ones we started from .data/
//   stop          stop the servers we started from .data/ (never the machine's own services)
import { ensureInfrastructure, exitOnInfrastructureError, DEFAULT_DATABASE_URL, DEFAULT_NATS_URL } from './lib/infra.mjs';
import { localPostgresStatus, stopLocalPostgres } from './lib/local-postgres.mjs';
import { localNatsStatus, probeNats, stopLocalNats } from './lib/nats.mjs';
import { probePostgres, redact } from './lib/postgres.mjs';

const log = (line) => console.error(`[infra] ${line}`);
const command = process.argv[2] ?? 'up';

async function main() {
  switch (command) {
    case 'up':
    case 'env': {
      const { databaseUrl, natsUrl, started } = await ensureInfrastructure({ log });
      if (command === 'env') {
        console.log(`export DATABASE_URL='${databaseUrl}' NATS_URL='${natsUrl}'`);
        return;
      }
      for (const server of started) log(`started ${server.server} via ${server.via}; stop with: ${server.stop}`);
      console.log(`DATABASE_URL=${redact(databaseUrl)}\nNATS_URL=${natsUrl}`);
      return;
    }
    case 'status': {
      const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
      const natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL;
      const [postgres, nats, localPostgres] = await Promise.all([probePostgres(databaseUrl), probeNats(natsUrl), localPostgresStatus()]);
      const localNats = localNatsStatus();
      console.log(`Postgres ${redact(databaseUrl)}: ${postgres.state}${postgres.major ? ` (PostgreSQL ${postgres.major}; extensions: ${postgres.extensions.join(', ')})` : ''}`);
      console.log(`NATS ${natsUrl}: ${nats.state}${nats.version ? ` (${nats.version}, JetStream ${nats.jetstream ? 'on' : 'OFF'})` : ''}`);
      console.log(`.data/postgres: ${localPostgres.running ? `running on port ${localPostgres.port}` : 'not running'}`);
      console.log(`.data/nats: ${localNats.running ? `running (pid ${localNats.pid}) on port ${localNats.port}` : 'not running'}`);
      return;
    }
    case 'stop': {
      const stopped = [await stopLocalPostgres({ log }), await stopLocalNats({ log })];
      if (!stopped.some(Boolean)) log('nothing to stop: no server from .data/ runs (servers of the machine or of Docker are left alone)');
      return;
    }
    default:
      console.error(`unknown command "${command}"; use up, env, status or stop`);
      process.exit(2);
  }
}

main().catch(exitOnInfrastructureError);
