import { Module, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { NatsConnection } from '@nats-io/nats-core';
import { EVENT_PUBLISHER, MessagingModule, NATS_CONNECTION } from '@bildungsraum/messaging';
import { OutboxModule } from '@bildungsraum/persistence';
import { HealthModule, natsCheck, postgresCheck } from '@bildungsraum/platform';
import { DatabaseModule } from './db/database.module';
import { PARTNERS_SCHEMA } from './db/partners-data-source';
import { NetworksModule } from './networks/networks.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PartnersConfig } from './partners.config';
import { DomainErrorInterceptor } from '@bildungsraum/platform';
import { PARTNERS_DATA_SOURCE } from './shared/infra/partners-store';

/**
 * The partners service: organisations and networks over HTTP, every change published through
 * the outbox to the PARTNERS stream. Consumes no events. Built from the config because the
 * messaging and outbox modules take their settings at import time.
 */
export function partnersModule(config: PartnersConfig): Type<unknown> {
  @Module({
    imports: [
      MessagingModule.forRoot({
        url: config.NATS_URL,
        connectionName: `partners-${process.pid}`,
        subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX,
        produces: 'partners',
        streamSettings: { replicas: config.STREAM_REPLICAS, maxAgeDays: config.STREAM_MAX_AGE_DAYS },
      }),
      DatabaseModule,
      OutboxModule.forService({
        schema: PARTNERS_SCHEMA,
        dataSourceToken: PARTNERS_DATA_SOURCE,
        publisherToken: EVENT_PUBLISHER,
        enabled: config.OUTBOX_RELAY_ENABLED,
      }),
      HealthModule.forRootAsync({
        inject: [PARTNERS_DATA_SOURCE, NATS_CONNECTION],
        useFactory: (dataSource: DataSource, connection: NatsConnection) => [postgresCheck(dataSource), natsCheck(connection)],
      }),
      OrganisationsModule,
      NetworksModule,
    ],
    providers: [{ provide: APP_INTERCEPTOR, useClass: DomainErrorInterceptor }],
  })
  class PartnersModule {}
  return PartnersModule;
}
