import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@bildungsraum/platform';
import { needsModule } from './needs.module';
import { NeedsConfig } from './needs.config';
import { needsEventServer } from './needs-server';
import { csvUploadRoute } from './imports/commands/csv-upload.route';

/** Bootstrap only: the schema is migrated beforehand by src/migrate.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(NeedsConfig);
  await bootstrapService({ appModule: needsModule(config), serviceName: 'needs', config, microservice: await needsEventServer(config), rawBodyRoutes: [csvUploadRoute] });
}

main().catch((error: unknown) => {
  process.stderr.write(`needs failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
