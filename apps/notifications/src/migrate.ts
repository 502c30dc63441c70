import 'reflect-metadata';
import { loadConfig } from '@bildungsraum/platform';
import { migrateNotifications } from './db/notifications-data-source';
import { NotificationsConfig } from './notifications.config';

/** `nx run notifications:migrate` / `npm start`: schema migrations, then exit. */
async function main(): Promise<void> {
  const config = loadConfig(NotificationsConfig);
  const applied = await migrateNotifications(config.DATABASE_URL);
  process.stdout.write(`${JSON.stringify({ service: 'notifications', applied })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`notifications migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
