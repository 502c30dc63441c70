import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@bildungsraum/platform';
import { partnersModule } from './partners.module';
import { PartnersConfig } from './partners.config';

/** Bootstrap only: the schema is migrated beforehand by src/migrate.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(PartnersConfig);
  await bootstrapService({ appModule: partnersModule(config), serviceName: 'partners', config });
}

main().catch((error: unknown) => {
  process.stderr.write(`partners failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
