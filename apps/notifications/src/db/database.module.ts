import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationsConfig } from '../notifications.config';
import { createNotificationsDataSource, NOTIFICATIONS_DATA_SOURCE } from './notifications-data-source';

/** Closes the pool last, after the relay and the delivery worker have stopped using it. */
@Injectable()
class DataSourceLifecycle implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATIONS_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The DataSource (migrated beforehand by src/migrate.ts). */
@Global()
@Module({
  providers: [
    {
      provide: NOTIFICATIONS_DATA_SOURCE,
      inject: [NotificationsConfig],
      useFactory: (config: NotificationsConfig) => createNotificationsDataSource(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE }).initialize(),
    },
    DataSourceLifecycle,
  ],
  exports: [NOTIFICATIONS_DATA_SOURCE],
})
export class DatabaseModule {}
