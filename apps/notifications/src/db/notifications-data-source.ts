import { DataSource } from 'typeorm';
import { createServiceDataSource, runMigrations } from '@bildungsraum/persistence';
import { NotificationsInitial1763740000000 } from './migrations/1763740000000-notifications-initial';
import { DeliveryDigest1763740100000 } from './migrations/1763740100000-delivery-digest';
import { DigestClaimIndex1763740200000 } from './migrations/1763740200000-digest-claim-index';
import { DeliveryEventBody1763740300000 } from './migrations/1763740300000-delivery-event-body';

/** The service's own Postgres schema (ARCHITECTURE.md §5). Plain SQL, no ORM entities. */
export const NOTIFICATIONS_SCHEMA = 'notifications';
export const NOTIFICATIONS_DATA_SOURCE = Symbol('NOTIFICATIONS_DATA_SOURCE');

export function createNotificationsDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return createServiceDataSource({
    url,
    schema: NOTIFICATIONS_SCHEMA,
    entities: [],
    migrations: [NotificationsInitial1763740000000, DeliveryDigest1763740100000, DigestClaimIndex1763740200000, DeliveryEventBody1763740300000],
    applicationName: 'notifications',
    ...options,
  });
}

export async function migrateNotifications(databaseUrl: string): Promise<string[]> {
  const dataSource = createNotificationsDataSource(databaseUrl, { poolSize: 2 });
  try {
    return await runMigrations(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
