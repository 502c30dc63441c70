import { DataSource } from 'typeorm';
import { createServiceDataSource } from '@bildungsraum/persistence';
import { CatalogueInitial1763740000000 } from './migrations/1763740000000-catalogue-initial';
import { CatalogueTaxonomy1763740100000 } from './migrations/1763740100000-catalogue-taxonomy';
import { CatalogueSearchOnline1763740200000 } from './migrations/1763740200000-catalogue-search-online';
import { CatalogueSearchWalks1763740300000 } from './migrations/1763740300000-catalogue-search-walks';
import { CatalogueSearchOnlineIdWalk1763740400000 } from './migrations/1763740400000-catalogue-search-online-id-walk';

/** The service's own Postgres schema (ARCHITECTURE.md §5). */
export const CATALOGUE_SCHEMA = 'catalogue';

export const CATALOGUE_MIGRATIONS = [CatalogueInitial1763740000000, CatalogueTaxonomy1763740100000, CatalogueSearchOnline1763740200000, CatalogueSearchWalks1763740300000, CatalogueSearchOnlineIdWalk1763740400000];

/** Raw SQL throughout (search and jsonb documents): no ORM entities. */
export function createCatalogueDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return createServiceDataSource({
    url,
    schema: CATALOGUE_SCHEMA,
    entities: [],
    migrations: CATALOGUE_MIGRATIONS,
    applicationName: 'catalogue',
    ...options,
  });
}
