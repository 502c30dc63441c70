import { Module, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NatsConnection } from '@nats-io/nats-core';
import { EVENT_PUBLISHER, MessagingModule, NATS_CONNECTION } from '@bildungsraum/messaging';
import { OutboxModule } from '@bildungsraum/persistence';
import { HealthModule, natsCheck, postgresCheck } from '@bildungsraum/platform';
import { DatabaseModule } from './db/database.module';
import { NOTIFICATIONS_DATA_SOURCE, NOTIFICATIONS_SCHEMA } from './db/notifications-data-source';
import { NotifyEventsHandler } from './delivery/events/notify-events.handler';
import { DeliveryWorker } from './delivery/worker/delivery-worker';
import { HTTP_CONTROLLERS } from './http-controllers';
import { NotificationsConfig } from './notifications.config';

/**
 * The notifications service: channels, subscriptions, inbox and delivery log over HTTP; the
 * consumer (main.ts connects the JetStreamServer) records due deliveries; the delivery worker
 * sends them; outcomes go through the outbox to the NOTIFICATIONS stream.
 */
export function notificationsModule(config: NotificationsConfig): Type<unknown> {
  @Module({
    imports: [
      MessagingModule.forRoot({
        url: config.NATS_URL,
        connectionName: `notifications-${process.pid}`,
        subjectPrefix: config.BILDUNGSRAUM_SUBJECT_PREFIX,
        produces: 'notifications',
        streamSettings: { replicas: config.STREAM_REPLICAS, maxAgeDays: config.STREAM_MAX_AGE_DAYS },
      }),
      DatabaseModule,
      OutboxModule.forService({ schema: NOTIFICATIONS_SCHEMA, dataSourceToken: NOTIFICATIONS_DATA_SOURCE, publisherToken: EVENT_PUBLISHER, enabled: config.OUTBOX_RELAY_ENABLED }),
      HealthModule.forRootAsync({
        inject: [NOTIFICATIONS_DATA_SOURCE, NATS_CONNECTION],
        useFactory: (dataSource: DataSource, connection: NatsConnection) => [postgresCheck(dataSource), natsCheck(connection)],
      }),
    ],
    controllers: [NotifyEventsHandler, ...HTTP_CONTROLLERS],
    providers: [DeliveryWorker],
  })
  class NotificationsModule {}
  return NotificationsModule;
}
