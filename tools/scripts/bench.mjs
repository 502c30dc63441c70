#!/usr/bin/env node
// `npm run bench -- <name>`: runs bench/<name>/main.ts against real Postgres and NATS (found or
// started like for the tests) and passes its output through; the bench prints its own summary
// and, as its last line, one JSON object with its figures. `npm run bench` lists the benches.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInfrastructure, exitOnInfrastructureError } from './lib/infra.mjs';
import { repoRoot } from './lib/paths.mjs';
import { runStep } from './lib/steps.mjs';

const benchDir = join(repoRoot, 'bench');
const available = () =>
  existsSync(benchDir)
    ? readdirSync(benchDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'main.ts')))
        .map((entry) => entry.name)
        .sort()
    : [];

async function main() {
  const [name, ...rest] = process.argv.slice(2);
  const benches = available();
  if (!name || name === '--list') {
    console.log(benches.length ? `Benchmarks (npm run bench -- <name>):\n${benches.map((bench) => `  ${bench}`).join('\n')}` : 'No benchmarks yet (bench/<name>/main.ts).');
    return;
  }
  if (!benches.includes(name)) {
    console.error(`Unbekannter Benchmark / unknown benchmark "${name}". Available: ${benches.join(', ') || 'none'}`);
    process.exitCode = 2;
    return;
  }
  // Infrastructure messages go to stderr, so stdout carries only the bench's own output.
  const { databaseUrl, natsUrl } = await ensureInfrastructure({ log: (line) => console.error(`[infra] ${line}`) });
  const env = { ...process.env, DATABASE_URL: databaseUrl, NATS_URL: natsUrl };
  const code = await runStep(process.execPath, ['-r', '@swc-node/register', join('bench', name, 'main.ts'), ...rest], { env });
  process.exitCode = code;
}

main().catch(exitOnInfrastructureError);
