import 'reflect-metadata';
import { connectNats, JetStreamServer } from '@bildungsraum/messaging';
import { bootstrapService, loadConfigOrExit } from '@bildungsraum/platform';
import { CatalogueConfig } from './catalogue.config';
import { catalogueModule } from './catalogue.module';
import { CATALOGUE_CONSUMER } from './offers/events/seat-holds.handler';

/** Bootstrap only: the schema is migrated beforehand by src/migrate.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(CatalogueConfig);
  // bootstrapService builds the event transport before the app exists: it gets its own connection.
  const connection = await connectNats({ url: config.NATS_URL, name: `catalogue-consumer-${process.pid}` });
  await bootstrapService({
    appModule: catalogueModule(config),
    serviceName: 'catalogue',
    config,
    microservice: new JetStreamServer({ connection, consumerName: CATALOGUE_CONSUMER, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX, drainOnClose: true }),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`catalogue failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
