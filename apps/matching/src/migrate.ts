import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { migrateMatching } from './db/migrate-matching';
import { MatchingConfig } from './matching.config';

/** `nx run matching:migrate` / `npm start`: schema migrations and the skills taxonomy, then exit. */
async function main(): Promise<void> {
  const config = loadConfig(MatchingConfig);
  const outcome = await migrateMatching(config.DATABASE_URL, { taxonomy: !process.argv.includes('--no-taxonomy'), reimport: process.argv.includes('--reimport') });
  process.stdout.write(`${JSON.stringify({ service: 'matching', ...outcome })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`matching migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
