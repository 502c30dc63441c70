import { EntityManager } from 'typeorm';
import { schemaOf } from '@bildungsraum/persistence';

/** Injection token of the matching DataSource (confined to the `matching` schema, or a test's own). */
export const MATCHING_DATA_SOURCE = Symbol('MATCHING_DATA_SOURCE');

/** The durable consumer name (`matching_PARTNERS`, …) and the inbox's consumer column. */
export const MATCHING_CONSUMER = 'matching';

/** The service schema of the DataSource behind a manager. */
export function schemaOfManager(manager: EntityManager): string {
  return schemaOf(manager.connection);
}
