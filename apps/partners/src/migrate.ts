import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { migratePartners } from './db/migrate-partners';
import { PartnersConfig } from './partners.config';

/** `nx run partners:migrate` / `npm start`: schema migrations and reference data, then exit. */
async function main(): Promise<void> {
  const config = loadConfig(PartnersConfig);
  const outcome = await migratePartners(config.DATABASE_URL, { reimport: process.argv.includes('--reimport') });
  process.stdout.write(`${JSON.stringify({ service: 'partners', ...outcome })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`partners migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
