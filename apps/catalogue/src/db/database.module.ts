import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CATALOGUE_DATA_SOURCE, CatalogueStore } from '../shared/infra/catalogue-store';
import { CatalogueConfig } from '../catalogue.config';
import { createCatalogueDataSource } from './catalogue-data-source';

/** Closes the pool last, after the outbox relay (OnModuleDestroy) has stopped using it. */
@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CATALOGUE_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The DataSource (migrated beforehand by src/migrate.ts) and the store. */
@Global()
@Module({
  providers: [
    {
      provide: CATALOGUE_DATA_SOURCE,
      inject: [CatalogueConfig],
      useFactory: (config: CatalogueConfig) => createCatalogueDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }).initialize(),
    },
    DataSourceLifecycle,
    CatalogueStore,
  ],
  exports: [CATALOGUE_DATA_SOURCE, CatalogueStore],
})
export class DatabaseModule {}
