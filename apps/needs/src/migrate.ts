import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { migrateNeeds } from './db/migrate-needs';
import { NeedsConfig } from './needs.config';

/** `nx run needs:migrate` / `npm start`: schema migrations and reference data, then exit. */
async function main(): Promise<void> {
  const config = loadConfig(NeedsConfig);
  const outcome = await migrateNeeds(config.DATABASE_URL, { reimport: process.argv.includes('--reimport') });
  process.stdout.write(`${JSON.stringify({ service: 'needs', ...outcome })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`needs migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
