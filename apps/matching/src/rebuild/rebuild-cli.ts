import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { MatchingConfig } from '../matching.config';
import { prepareMatchingRebuild } from './rebuild-matching';

/**
 * `nx run matching:rebuild -- --yes` (docs/operations.md, "Rebuilding matching"): with every
 * matching replica stopped, empties matching's tables and deletes its durable consumers; the
 * next start replays the streams.
 */
async function main(): Promise<void> {
  if (!process.argv.includes('--yes')) {
    process.stderr.write(
      'Leert alle Tabellen von matching (auch Antworten auf Vorschläge und Korrekturen) und löscht seine Consumer; mit --yes bestätigen.\n' +
        'Empties all of matching’s tables (answers to proposals and skill corrections too) and deletes its consumers; confirm with --yes.\n',
    );
    process.exit(2);
  }
  const config = loadConfig(MatchingConfig);
  const outcome = await prepareMatchingRebuild({ databaseUrl: config.DATABASE_URL, natsUrl: config.NATS_URL, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX });
  process.stdout.write(`${JSON.stringify({ service: 'matching', rebuild: 'prepared', ...outcome })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`matching rebuild failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
