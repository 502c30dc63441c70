import { Module, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { NatsConnection } from '@nats-io/nats-core';
import { EVENT_PUBLISHER, MessagingModule, NATS_CONNECTION } from '@bildungsraum/messaging';
import { OutboxModule } from '@bildungsraum/persistence';
import { DomainErrorInterceptor, HealthModule, natsCheck, postgresCheck } from '@bildungsraum/platform';
import { CatalogueConfig } from './catalogue.config';
import { CATALOGUE_SCHEMA } from './db/catalogue-data-source';
import { DatabaseModule } from './db/database.module';
import { ImportsModule } from './imports/imports.module';
import { OffersModule } from './offers/offers.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { SearchModule } from './search/search.module';
import { SkillsModule } from './skills/skills.module';
import { CATALOGUE_DATA_SOURCE } from './shared/infra/catalogue-store';

/**
 * The catalogue service: offers, course dates, programmes, skills and search over HTTP; every
 * change published through the outbox to the CATALOGUE stream; consumes partners.* (provider
 * read model) and matching.match.confirmed (seats). Built from the config because the messaging
 * and outbox modules take their settings at import time.
 */
export function catalogueModule(config: CatalogueConfig): Type<unknown> {
  @Module({
    imports: [
      MessagingModule.forRoot({
        url: config.NATS_URL,
        connectionName: `catalogue-${process.pid}`,
        subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX,
        produces: 'catalogue',
      }),
      DatabaseModule,
      OutboxModule.forService({
        schema: CATALOGUE_SCHEMA,
        dataSourceToken: CATALOGUE_DATA_SOURCE,
        publisherToken: EVENT_PUBLISHER,
        enabled: config.OUTBOX_RELAY_ENABLED,
      }),
      HealthModule.forRootAsync({
        inject: [CATALOGUE_DATA_SOURCE, NATS_CONNECTION],
        useFactory: (dataSource: DataSource, connection: NatsConnection) => [postgresCheck(dataSource), natsCheck(connection)],
      }),
      ImportsModule,
      OffersModule,
      ProgrammesModule,
      SearchModule,
      SkillsModule,
    ],
    providers: [{ provide: APP_INTERCEPTOR, useClass: DomainErrorInterceptor }],
  })
  class CatalogueModule {}
  return CatalogueModule;
}
