import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { HealthModule, loadConfig, PlatformModule, writeServiceOpenApi } from '@bildungsraum/platform';
import { createNotificationsDataSource, NOTIFICATIONS_DATA_SOURCE } from '../src/db/notifications-data-source';
import { HTTP_CONTROLLERS } from '../src/http-controllers';
import { NotificationsConfig } from '../src/notifications.config';

/**
 * Writes docs/api/notifications.openapi.json from the app's own controllers and DTOs, without
 * any server: the DataSource is created but never connected.
 */
const OUTPUT = resolve(__dirname, '..', '..', '..', 'docs', 'api', 'notifications.openapi.json');

async function main(): Promise<void> {
  const config = loadConfig(NotificationsConfig, { DATABASE_URL: 'postgres://docs@localhost/docs', NATS_URL: 'nats://localhost:4222', LOG_LEVEL: 'silent' });

  @Global()
  @Module({ providers: [{ provide: NOTIFICATIONS_DATA_SOURCE, useValue: createNotificationsDataSource(config.DATABASE_URL) }], exports: [NOTIFICATIONS_DATA_SOURCE] })
  class OfflineDatabaseModule {}

  @Module({ imports: [PlatformModule.forRoot(config, { serviceName: 'notifications' }), HealthModule.forRoot({ checks: [] }), OfflineDatabaseModule], controllers: HTTP_CONTROLLERS })
  class DocsModule {}

  await writeServiceOpenApi(DocsModule, {
    serviceName: 'notifications',
    description:
      'Kanäle (E-Mail, Webhook nach Standard Webhooks), Abonnements, Posteingang und Zustellprotokoll. Fehler als RFC 9457. / ' +
      'Channels (email, Standard Webhooks), subscriptions, in-app inbox and delivery log.',
    file: OUTPUT,
  });
}

void main();
