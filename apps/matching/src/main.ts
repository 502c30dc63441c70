import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@bildungsraum/platform';
import { matchingModule } from './matching.module';
import { MatchingConfig } from './matching.config';
import { matchingEventServer } from './matching-server';

/** Bootstrap only: the schema is migrated beforehand by src/migrate.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(MatchingConfig);
  await bootstrapService({ appModule: matchingModule(config), serviceName: 'matching', config, microservice: await matchingEventServer(config) });
}

main().catch((error: unknown) => {
  process.stderr.write(`matching failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
