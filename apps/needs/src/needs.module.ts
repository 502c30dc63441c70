import { Module, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NatsConnection } from '@nats-io/nats-core';
import { EVENT_PUBLISHER, MessagingModule, NATS_CONNECTION } from '@bildungsraum/messaging';
import { OutboxModule } from '@bildungsraum/persistence';
import { HealthModule, natsCheck, postgresCheck } from '@bildungsraum/platform';
import { DatabaseModule } from './db/database.module';
import { NEEDS_SCHEMA } from './db/needs-data-source';
import { PartnerEventsHandler } from './directory/events/partner-events.handler';
import { MatchingEventsHandler } from './needs/events/matching-events.handler';
import { NeedsContextModule } from './needs/needs-context.module';
import { NeedsConfig } from './needs.config';
import { Clock, CLOCK, systemClock } from './shared/domain/clock';
import { NEEDS_DATA_SOURCE } from './shared/infra/needs-store';

export interface NeedsModuleOptions {
  /** Tests move time (expiry) with their own clock. */
  clock?: Clock;
}

/**
 * The needs service: needs over HTTP, every change published through the outbox to the NEEDS
 * stream; consumes partners.* (read model) and matching.* (status) through the JetStreamServer
 * that main.ts connects. Built from the config because messaging and outbox take their settings
 * at import time.
 */
export function needsModule(config: NeedsConfig, options: NeedsModuleOptions = {}): Type<unknown> {
  @Module({
    imports: [
      MessagingModule.forRoot({ url: config.NATS_URL, connectionName: `needs-${process.pid}`, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX, produces: 'needs' }),
      { module: ClockModule, global: true, providers: [{ provide: CLOCK, useValue: options.clock ?? systemClock }], exports: [CLOCK] },
      DatabaseModule,
      OutboxModule.forService({ schema: NEEDS_SCHEMA, dataSourceToken: NEEDS_DATA_SOURCE, publisherToken: EVENT_PUBLISHER, enabled: config.OUTBOX_RELAY_ENABLED, relay: { claimIntervalMs: config.OUTBOX_CLAIM_INTERVAL_MS } }),
      HealthModule.forRootAsync({
        inject: [NEEDS_DATA_SOURCE, NATS_CONNECTION],
        useFactory: (dataSource: DataSource, connection: NatsConnection) => [postgresCheck(dataSource), natsCheck(connection)],
      }),
      NeedsContextModule,
    ],
    // No DomainErrorInterceptor: the platform's problem filter maps DomainError (409/422/…) itself.
    controllers: [PartnerEventsHandler, MatchingEventsHandler],
  })
  class NeedsModule {}
  return NeedsModule;
}

class ClockModule {}
