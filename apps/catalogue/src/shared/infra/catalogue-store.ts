import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from '@bildungsraum/contracts';
import { appendToOutbox, schemaOf } from '@bildungsraum/persistence';

/** Injection token of the catalogue DataSource (confined to the `catalogue` schema). */
export const CATALOGUE_DATA_SOURCE = Symbol('CATALOGUE_DATA_SOURCE');

export interface UnitOfWorkResult<T> {
  result: T;
  /** Events of the change; written to the outbox in the same transaction. */
  events: CloudEvent[];
}

/** Runs a change and its events in one transaction: both are committed, or neither. */
@Injectable()
export class CatalogueStore {
  constructor(@Inject(CATALOGUE_DATA_SOURCE) readonly dataSource: DataSource) {}

  async change<T>(work: (manager: EntityManager) => Promise<UnitOfWorkResult<T>>): Promise<T> {
    const schema = schemaOf(this.dataSource);
    return this.dataSource.transaction(async (manager) => {
      const { result, events } = await work(manager);
      if (events.length) await appendToOutbox(manager, schema, events);
      return result;
    });
  }

  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }
}
