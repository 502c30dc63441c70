import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PostalCodeDirectory } from '@bildungsraum/reference-data';
import { POSTAL_CODE_LOOKUP } from '../organisations/infra/site-resolver';
import { PARTNERS_DATA_SOURCE, PartnersStore } from '../shared/infra/partners-store';
import { ActorResolver } from '../shared/infra/actor-resolver';
import { createPartnersDataSource, PARTNERS_SCHEMA } from './partners-data-source';
import { PartnersConfig } from '../partners.config';

/** Closes the pool last, after the outbox relay (OnModuleDestroy) has stopped using it. */
@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PARTNERS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The DataSource (migrated beforehand by src/migrate.ts), the store and the shared services. */
@Global()
@Module({
  providers: [
    {
      provide: PARTNERS_DATA_SOURCE,
      inject: [PartnersConfig],
      useFactory: (config: PartnersConfig) => createPartnersDataSource(config.DATABASE_URL).initialize(),
    },
    {
      provide: POSTAL_CODE_LOOKUP,
      inject: [PARTNERS_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new PostalCodeDirectory(dataSource, PARTNERS_SCHEMA),
    },
    DataSourceLifecycle,
    PartnersStore,
    ActorResolver,
  ],
  exports: [PARTNERS_DATA_SOURCE, POSTAL_CODE_LOOKUP, PartnersStore, ActorResolver],
})
export class DatabaseModule {}
