import { EntityManager } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/** The service schema (`needs`, or a test's own) of the DataSource behind a manager. */
export function schemaOfManager(manager: EntityManager): string {
  return schemaOf(manager.connection);
}
