import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActorResolver } from '../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../shared/infra/matching-store';
import { MatchingConfig } from '../matching.config';
import { createMatchingDataSource } from './matching-data-source';

/** Closes the pool last, after the outbox relay (OnModuleDestroy) has stopped using it. */
@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The DataSource (migrated beforehand by src/migrate.ts) and the actor resolver. */
@Global()
@Module({
  providers: [
    {
      provide: MATCHING_DATA_SOURCE,
      inject: [MatchingConfig],
      useFactory: (config: MatchingConfig) => createMatchingDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }).initialize(),
    },
    DataSourceLifecycle,
    ActorResolver,
  ],
  exports: [MATCHING_DATA_SOURCE, ActorResolver],
})
export class DatabaseModule {}
