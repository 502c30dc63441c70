import 'reflect-metadata';
import { bootstrapService, loadConfigOrExit } from '@bildungsraum/platform';
import { notificationsModule } from './notifications.module';
import { NotificationsConfig } from './notifications.config';
import { notificationsEventServer } from './notifications-server';

/** Bootstrap only: the schema is migrated beforehand by src/migrate.ts. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(NotificationsConfig);
  await bootstrapService({ appModule: notificationsModule(config), serviceName: 'notifications', config, microservice: await notificationsEventServer(config) });
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
