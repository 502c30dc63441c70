#!/usr/bin/env node
// `npm test`: the whole check of the repository, as CI runs it.
//   1. find or start Postgres and NATS (lib/infra.mjs) and export DATABASE_URL / NATS_URL;
//   2. validate docker-compose.yml against the apps and the Dockerfile (lib/validate-compose.mjs),
//      and lint every docs/api/*.openapi.json with Redocly (lib/validate-openapi.mjs, redocly.yaml);
//   3. nx run-many -t lint typecheck test, two tasks at a time, stopping at the first failure;
//   4. eslint and tsc over tools/ and bench/, which belong to no Nx project.
// Extra arguments go to nx (`npm test -- --projects=partners`); `--no-bail` runs every task even
// after a failure, for a full list of what is broken. The nx step is bounded by
// TEST_TIMEOUT_MINUTES (default 15), so a hanging test fails CI instead of stalling it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureInfrastructure, exitOnInfrastructureError } from './lib/infra.mjs';
import { bin, formatDuration, runStep, stopwatch } from './lib/steps.mjs';
import { validateCompose } from './lib/validate-compose.mjs';
import { validateOpenApiDocuments } from './lib/validate-openapi.mjs';
import { checkWorkspaceScripts } from './lib/workspace-checks.mjs';

const log = (line) => console.error(`[test] ${line}`);
const args = process.argv.slice(2);
const bail = !args.includes('--no-bail');
const nxArgs = args.filter((arg) => arg !== '--no-bail');
// Every Jest run writes its totals here (tools/jest/summary-reporter.js); summed at the end.
const resultsDir = mkdtempSync(join(tmpdir(), 'bildungsraum-tests-'));

async function main() {
  const clock = stopwatch();
  const phases = [];
  const { databaseUrl, natsUrl } = await ensureInfrastructure({ log: (line) => console.error(`[infra] ${line}`) });
  phases.push(['infrastructure', clock.lap()]);

  const composeProblems = validateCompose();
  phases.push(['docker-compose.yml', clock.lap()]);
  if (composeProblems.length) {
    log(`docker-compose.yml:\n  - ${composeProblems.join('\n  - ')}`);
    return finish(1, phases, clock);
  }

  const invalidOpenApi = await validateOpenApiDocuments({ log: (line) => log(`openapi: ${line}`) });
  phases.push(['docs/api (Redocly lint)', clock.lap()]);
  if (invalidOpenApi) {
    log(`${invalidOpenApi} OpenAPI document(s) in docs/api/ fail Redocly lint (see above); regenerate with npx nx run <service>:openapi`);
    return finish(1, phases, clock);
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    // Nx: no daemon (a CI run is one-shot), no cloud, no interactive terminal UI.
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    BILDUNGSRAUM_TEST_RESULTS_DIR: resultsDir,
    FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0'),
  };
  const nx = ['run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static', ...(bail ? ['--nxBail'] : []), ...nxArgs];
  log(`nx ${nx.join(' ')}`);
  const minutes = Number(process.env.TEST_TIMEOUT_MINUTES || 15);
  const code = await runStep(bin('nx'), nx, {
    env,
    timeoutMs: minutes * 60_000,
    onTimeout: () => log(`Zeitlimit / time limit of ${minutes} min reached: stopping nx and its tasks (a test hangs?)`),
  });
  phases.push(['lint, typecheck, test (nx)', clock.lap()]);
  if (code !== 0 && bail) return finish(code, phases, clock);

  log('eslint + tsc: tools/, bench/');
  const scripts = await checkWorkspaceScripts({ env });
  phases.push(['tools/, bench/ (lint, types)', clock.lap()]);
  return finish(code || scripts, phases, clock);
}

function finish(code, phases, clock) {
  const lines = phases.map(([name, ms]) => `  ${name.padEnd(28)} ${formatDuration(ms)}`);
  const verdict = code === 0 ? '✔ npm test: bestanden / passed' : `✖ npm test: fehlgeschlagen / FAILED (exit ${code})`;
  console.error(`\n${verdict} in ${formatDuration(clock.total())}\n${lines.join('\n')}\n`);
  const totals = testTotals();
  // One plain closing line with the counts of every Jest run of every project.
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  rmSync(resultsDir, { recursive: true, force: true });
  process.exitCode = code === 0 ? 0 : 1;
}

function testTotals() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of readdirSync(resultsDir)) {
    const run = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += run[key];
  }
  return totals;
}

main().catch(exitOnInfrastructureError);
