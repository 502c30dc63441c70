import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { resolve } from 'node:path';
import { buildOpenApiDocument, HealthModule, loadConfig, PlatformModule, writeOpenApiDocument } from '@bildungsraum/platform';
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

  const app = await NestFactory.create(DocsModule, { logger: false });
  await app.init();
  const document = buildOpenApiDocument(app, {
    serviceName: 'notifications',
    description:
      'Kanäle (E-Mail, Webhook nach Standard Webhooks), Abonnements, Posteingang und Zustellprotokoll. Fehler als RFC 9457. / ' +
      'Channels (email, Standard Webhooks), subscriptions, in-app inbox and delivery log.',
  });
  await writeOpenApiDocument(document, OUTPUT);
  await app.close();
  process.stdout.write(`OpenAPI written to ${OUTPUT} (${Object.keys(document.paths).length} paths)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
