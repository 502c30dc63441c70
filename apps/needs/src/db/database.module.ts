import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { POSTAL_CODE_LOOKUP } from '../needs/infra/site-resolver';
import { ActorResolver } from '../shared/infra/actor-resolver';
import { NEEDS_DATA_SOURCE, NeedsStore } from '../shared/infra/needs-store';
import { NeedsConfig } from '../needs.config';
import { createNeedsDataSource, NEEDS_SCHEMA } from './needs-data-source';

/** Closes the pool last, after the outbox relay (OnModuleDestroy) has stopped using it. */
@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(NEEDS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The DataSource (migrated beforehand by src/migrate.ts), the store and the shared services. */
@Global()
@Module({
  providers: [
    {
      provide: NEEDS_DATA_SOURCE,
      inject: [NeedsConfig],
      useFactory: (config: NeedsConfig) => createNeedsDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }).initialize(),
    },
    {
      provide: POSTAL_CODE_LOOKUP,
      inject: [NEEDS_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new PostalCodeDirectory(dataSource, NEEDS_SCHEMA),
    },
    DataSourceLifecycle,
    NeedsStore,
    ActorResolver,
  ],
  exports: [NEEDS_DATA_SOURCE, POSTAL_CODE_LOOKUP, NeedsStore, ActorResolver],
})
export class DatabaseModule {}
