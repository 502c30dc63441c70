import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@bildungsraum/persistence';
import { NeedsInitial1763740000000 } from './migrations/1763740000000-needs-initial';
import { NeedsGinPendingList1763740100000 } from './migrations/1763740100000-needs-gin-pending-list';

/** The service's own Postgres schema (ARCHITECTURE.md §5). */
export const NEEDS_SCHEMA = 'needs';
export const NEEDS_MIGRATIONS = [NeedsInitial1763740000000, NeedsGinPendingList1763740100000];

/** Plain SQL throughout (no ORM entities): the hot path is one insert and one outbox row. */
export function createNeedsDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return createServiceDataSource({ url, schema: NEEDS_SCHEMA, entities: [], migrations: NEEDS_MIGRATIONS, applicationName: 'needs', ...options });
}
