import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { HealthModule, loadConfig, PlatformModule, writeServiceOpenApi } from '@bildungsraum/platform';
import { createNeedsDataSource } from '../src/db/needs-data-source';
import { POSTAL_CODE_LOOKUP } from '../src/needs/infra/site-resolver';
import { NeedsContextModule } from '../src/needs/needs-context.module';
import { NeedsConfig } from '../src/needs.config';
import { PartnerEventsHandler } from '../src/directory/events/partner-events.handler';
import { MatchingEventsHandler } from '../src/needs/events/matching-events.handler';
import { CLOCK, systemClock } from '../src/shared/domain/clock';
import { ActorResolver } from '../src/shared/infra/actor-resolver';
import { NEEDS_DATA_SOURCE, NeedsStore } from '../src/shared/infra/needs-store';

/**
 * Writes docs/api/needs.openapi.json from the app's own controllers and DTOs, without any
 * server: the DataSource is created but never connected, since no request is served.
 */
const OUTPUT = resolve(__dirname, '..', '..', '..', 'docs', 'api', 'needs.openapi.json');

async function main(): Promise<void> {
  const config = loadConfig(NeedsConfig, { DATABASE_URL: 'postgres://docs@localhost/docs', NATS_URL: 'nats://localhost:4222', LOG_LEVEL: 'silent', EXPIRY_SWEEP_SECONDS: '0' });

  @Global()
  @Module({
    providers: [
      { provide: NEEDS_DATA_SOURCE, useValue: createNeedsDataSource(config.DATABASE_URL) },
      { provide: POSTAL_CODE_LOOKUP, useValue: { lookup: async () => undefined } },
      { provide: CLOCK, useValue: systemClock },
      NeedsStore,
      ActorResolver,
    ],
    exports: [NEEDS_DATA_SOURCE, POSTAL_CODE_LOOKUP, CLOCK, NeedsStore, ActorResolver],
  })
  class OfflineDatabaseModule {}

  // The event handlers too: their payload classes end up in the served document's components.
  @Module({
    imports: [PlatformModule.forRoot(config, { serviceName: 'needs' }), HealthModule.forRoot({ checks: [] }), OfflineDatabaseModule, NeedsContextModule],
    controllers: [PartnerEventsHandler, MatchingEventsHandler],
  })
  class DocsModule {}

  await writeServiceOpenApi(DocsModule, {
    serviceName: 'needs',
    description:
      'Qualifizierungsbedarfe von Unternehmen: erfassen (selbst oder durch Bildungscoaches), einreichen, zurückziehen, ' +
      'auflisten, CSV-Sammelerfassung. Fehler als RFC 9457 (application/problem+json). / Qualification needs of companies: ' +
      'capture, submit, withdraw, list, CSV bulk intake.',
    file: OUTPUT,
  });
}

void main();
