#!/usr/bin/env node
// `npm start`: the whole platform on this machine.
//   1. find or start Postgres and NATS (lib/infra.mjs);
//   2. per service (lib/services.mjs, those whose app exists): migrations, then demo data if the
//      service has a loader (apps/<svc>/src/demo/load-demo.ts);
//   3. start the services, prefix their log lines with their name, wait for /health/ready;
//   4. print the URLs and one development token per role.
// Ctrl-C stops the services gracefully. Postgres and NATS keep running with their data in .data/
// (or Docker volumes), so the next `npm start` is quick; `npm run infra -- stop` stops them.
// Environment: DATABASE_URL, NATS_URL (defaults: local servers), AUTH_MODE (default local),
// DEV_JWT_SECRET (default: kept in .data/dev-jwt-secret), LOG_LEVEL (default info),
// SKIP_DEMO=1 (no demo data).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { demoPartnersByRole, demoPartnersFile, devJwtSecret } from './lib/dev-auth.mjs';
import { ensureInfrastructure } from './lib/infra.mjs';
import { colourFor } from './lib/log-lines.mjs';
import { dataDir, repoRoot } from './lib/paths.mjs';
import { isPortFree } from './lib/ports.mjs';
import { appFile, devRoles, presentServices } from './lib/services.mjs';
import { captureTs, runTs, startService, waitUntilReady } from './lib/service-process.mjs';

const say = (line = '') => process.stdout.write(`${line}\n`);
const log = (line) => say(`[start] ${line}`);
const running = [];
let shuttingDown = false;

async function shutdown(code, reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) log(reason);
  if (running.length) log(`stoppe / stopping ${running.map((service) => service.name).join(', ')} …`);
  await Promise.all(running.map((service) => service.stop()));
  log('beendet / stopped. Postgres and NATS keep running (npm run infra -- stop).');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
process.on('exit', () => running.forEach((service) => service.kill()));

async function tokensFor(env) {
  const partners = demoPartnersByRole(devRoles);
  if (!partners.size) {
    say(`Keine Demo-Partner / no demo partners yet (${relative(repoRoot, demoPartnersFile)} missing): no tokens printed.`);
    say('Mint one for any partner: npm run token -- --role <role> --partner <uuid>');
    return;
  }
  const minted = await Promise.all(
    [...partners].map(async ([role, partner]) => {
      try {
        return [role, partner, await captureTs('tools/scripts/token.ts', { env, args: ['--role', role, '--partner', partner.id] })];
      } catch (error) {
        return [role, partner, `(token failed: ${error.message.split('\n')[0]})`];
      }
    }),
  );
  say('Entwicklungs-Tokens / development tokens (Authorization: Bearer <token>):');
  for (const [role, partner, token] of minted) {
    say(`  ${role.padEnd(12)} ${partner.name ? `${partner.name} ` : ''}(${partner.id})`);
    say(`    ${token}`);
  }
  if (!process.env.DEV_JWT_SECRET) {
    say(`More tokens: DEV_JWT_SECRET="$(cat ${relative(repoRoot, dataDir)}/dev-jwt-secret)" npm run token -- --role <role> --partner <uuid>`);
  }
}

async function main() {
  const { databaseUrl, natsUrl } = await ensureInfrastructure({ log: (line) => say(`[infra] ${line}`) });
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    AUTH_MODE: process.env.AUTH_MODE ?? 'local',
    DEV_JWT_SECRET: devJwtSecret(),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const { present, missing } = presentServices();
  if (missing.length) log(`noch nicht vorhanden / not there yet (skipped): ${missing.join(', ')}`);
  if (!present.length) throw new Error('no service app found (apps/<service>/src/main.ts)');
  const width = Math.max(...present.map((service) => service.name.length));
  const output = (index) => ({ width, colour: colourFor(index) });

  const taken = [];
  for (const service of present) if (!(await isPortFree(service.port))) taken.push(`${service.name} (${service.port})`);
  for (const companion of present.flatMap((service) => service.companions ?? [])) {
    for (const port of companion.ports) if (!(await isPortFree(port))) taken.push(`${companion.name} (${port})`);
  }
  if (taken.length) throw new Error(`Port belegt / port in use: ${taken.join(', ')} — is another npm start running?`);
  for (const [index, service] of present.entries()) {
    if (shuttingDown) return;
    if (existsSync(appFile(service.name, 'migrate.ts'))) {
      log(`${service.name}: Migrationen / migrations`);
      await runTs(service.name, appFile(service.name, 'migrate.ts'), { env, output: output(index) });
    }
    if (!process.env.SKIP_DEMO && existsSync(appFile(service.name, 'demo/load-demo.ts'))) {
      log(`${service.name}: Demodaten / demo data`);
      await runTs(service.name, appFile(service.name, 'demo/load-demo.ts'), { env, output: output(index) });
    }
  }

  // Companions (the development mail catcher of notifications) run before their service.
  const companions = present.flatMap((service) => service.companions ?? []);
  for (const [index, companion] of companions.entries()) {
    if (shuttingDown) return;
    const handle = startService(companion.name, join(repoRoot, companion.file), {
      env,
      output: { width, colour: colourFor(present.length + index) },
      onExit: (code, signal) => void shutdown(1, `${companion.name} ended unexpectedly (${signal ?? `exit ${code}`})`),
    });
    running.push(handle);
  }

  const serviceHandles = [];
  for (const [index, service] of present.entries()) {
    if (shuttingDown) return;
    const handle = startService(service.name, appFile(service.name, 'main.ts'), {
      env: { ...env, ...service.env, PORT: String(service.port) },
      output: output(index),
      onExit: (code, signal) => void shutdown(1, `${service.name} ended unexpectedly (${signal ?? `exit ${code}`})`),
    });
    running.push(handle);
    serviceHandles.push(handle);
  }
  await Promise.all(present.map((service, index) => waitUntilReady(serviceHandles[index], service.port)));
  if (shuttingDown) return;

  say('');
  say('Bildungsraum läuft / is running:');
  for (const service of present) {
    say(`  ${service.name.padEnd(width)}  http://localhost:${service.port}   API: http://localhost:${service.port}/docs`);
  }
  for (const companion of companions) say(`  ${companion.name.padEnd(width)}  ${companion.url}   (E-Mails der Entwicklung / development mail)`);
  say('');
  await tokensFor(env);
  say('');
  say('Beenden mit / stop with Ctrl-C.');
}

main().catch((error) => {
  if (shuttingDown) return;
  if (running.length) return void shutdown(1, `✖ ${error.message}`);
  // Failed steps have shown their own output already; the message says which step it was.
  console.error(`\n✖ ${error.message}\n`);
  process.exit(1);
});
