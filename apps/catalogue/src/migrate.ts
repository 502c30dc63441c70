import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { CatalogueConfig } from './catalogue.config';
import { migrateCatalogue } from './db/migrate-catalogue';

/** `nx run catalogue:migrate` / `npm start`: schema migrations and reference data, then exit. */
async function main(): Promise<void> {
  const config = loadConfig(CatalogueConfig);
  const outcome = await migrateCatalogue(config.DATABASE_URL, { reimport: process.argv.includes('--reimport'), taxonomy: !process.argv.includes('--no-taxonomy') });
  process.stdout.write(`${JSON.stringify({ service: 'catalogue', ...outcome })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`catalogue migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
