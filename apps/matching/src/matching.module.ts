import { Module, Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { NatsConnection } from '@nats-io/nats-core';
import { EVENT_PUBLISHER, MessagingModule, NATS_CONNECTION } from '@bildungsraum/messaging';
import { OutboxModule } from '@bildungsraum/persistence';
import { DomainErrorInterceptor, HealthModule, natsCheck, postgresCheck } from '@bildungsraum/platform';
import { DatabaseModule } from './db/database.module';
import { MATCHING_SCHEMA } from './db/matching-data-source';
import { PartnerEventsHandler } from './directory/events/partner-events.handler';
import { MatchActionsController } from './matches/commands/match-actions.controller';
import { MatchActionsHandler } from './matches/commands/match-actions.handler';
import { NeedEventsHandler } from './matches/events/need-events.handler';
import { OfferEventsHandler } from './matches/events/offer-events.handler';
import { OfferInserter } from './matches/infra/offer-inserter';
import { PassedDateSweeper } from './matches/infra/passed-date-sweeper';
import { CourseDateIndexKeeper } from './matches/infra/course-date-index-keeper';
import { Rematcher } from './matches/infra/rematcher';
import { NeedMatchesController } from './matches/queries/need-matches.controller';
import { MatchingConfig } from './matching.config';
import { POOLING_READ_CONTROLLERS } from './pooling/queries/pooling-read-controllers';
import { Clock, CLOCK, systemClock } from './shared/domain/clock';
import { MATCHING_DATA_SOURCE } from './shared/infra/matching-store';
import { CorrectSkillsController } from './skills/correct-skills.controller';
import { NeedSkillReader } from './skills/need-skill-reader';

export interface MatchingModuleOptions {
  /** Tests move time (passed dates) with their own clock. */
  clock?: Clock;
}

/**
 * The matching service: read models from partners.*, needs.need.* and catalogue.offer.* (through
 * the JetStreamServer that main.ts connects), matches kept current in the handlers' transactions,
 * their events through the outbox to MATCHING; answers to proposals and the matches of a need over
 * HTTP. Built from the config because messaging and outbox take their settings at import time.
 */
export function matchingModule(config: MatchingConfig, options: MatchingModuleOptions = {}): Type<unknown> {
  @Module({
    imports: [
      MessagingModule.forRoot({ url: config.NATS_URL, connectionName: `matching-${process.pid}`, subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX, produces: 'matching' }),
      DatabaseModule,
      OutboxModule.forService({ schema: MATCHING_SCHEMA, dataSourceToken: MATCHING_DATA_SOURCE, publisherToken: EVENT_PUBLISHER, enabled: config.OUTBOX_RELAY_ENABLED }),
      HealthModule.forRootAsync({
        inject: [MATCHING_DATA_SOURCE, NATS_CONNECTION],
        useFactory: (dataSource: DataSource, connection: NatsConnection) => [postgresCheck(dataSource), natsCheck(connection)],
      }),
    ],
    controllers: [PartnerEventsHandler, NeedEventsHandler, OfferEventsHandler, NeedMatchesController, MatchActionsController, CorrectSkillsController, ...POOLING_READ_CONTROLLERS],
    providers: [{ provide: APP_INTERCEPTOR, useClass: DomainErrorInterceptor }, { provide: CLOCK, useValue: options.clock ?? systemClock }, NeedSkillReader, Rematcher, OfferInserter, PassedDateSweeper, CourseDateIndexKeeper, MatchActionsHandler],
  })
  class MatchingModule {}
  return MatchingModule;
}
