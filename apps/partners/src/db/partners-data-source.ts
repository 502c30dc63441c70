import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@bildungsraum/persistence';
import { NetworkMemberRecord, NetworkRecord } from '../networks/infra/network.record';
import { ContactPersonRecord } from '../organisations/infra/contact-person.record';
import { OrganisationRecord } from '../organisations/infra/organisation.record';
import { PartnersInitial1763730000000 } from './migrations/1763730000000-partners-initial';

/** The service's own Postgres schema (ARCHITECTURE.md §5). */
export const PARTNERS_SCHEMA = 'partners';

export const PARTNERS_ENTITIES = [OrganisationRecord, ContactPersonRecord, NetworkRecord, NetworkMemberRecord];
export const PARTNERS_MIGRATIONS = [PartnersInitial1763730000000];

export function createPartnersDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return createServiceDataSource({
    url,
    schema: PARTNERS_SCHEMA,
    entities: PARTNERS_ENTITIES,
    migrations: PARTNERS_MIGRATIONS,
    applicationName: 'partners',
    ...options,
  });
}
