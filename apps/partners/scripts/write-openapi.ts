import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { HealthModule, loadConfig, PlatformModule, writeServiceOpenApi } from '@bildungsraum/platform';
import { createPartnersDataSource } from '../src/db/partners-data-source';
import { NetworksModule } from '../src/networks/networks.module';
import { POSTAL_CODE_LOOKUP } from '../src/organisations/infra/site-resolver';
import { OrganisationsModule } from '../src/organisations/organisations.module';
import { PartnersConfig } from '../src/partners.config';
import { ActorResolver } from '../src/shared/infra/actor-resolver';
import { PARTNERS_DATA_SOURCE, PartnersStore } from '../src/shared/infra/partners-store';

/**
 * Writes docs/api/partners.openapi.json from the app's own controllers and DTOs, without any
 * server: the DataSource is created but never connected, since no request is served.
 */
const OUTPUT = resolve(__dirname, '..', '..', '..', 'docs', 'api', 'partners.openapi.json');

async function main(): Promise<void> {
  const config = loadConfig(PartnersConfig, { DATABASE_URL: 'postgres://docs@localhost/docs', NATS_URL: 'nats://localhost:4222', LOG_LEVEL: 'silent' });

  @Global()
  @Module({
    providers: [
      { provide: PARTNERS_DATA_SOURCE, useValue: createPartnersDataSource(config.DATABASE_URL) },
      { provide: POSTAL_CODE_LOOKUP, useValue: { lookup: async () => undefined } },
      PartnersStore,
      ActorResolver,
    ],
    exports: [PARTNERS_DATA_SOURCE, POSTAL_CODE_LOOKUP, PartnersStore, ActorResolver],
  })
  class OfflineDatabaseModule {}

  @Module({
    imports: [PlatformModule.forRoot(config, { serviceName: 'partners' }), HealthModule.forRoot({ checks: [] }), OfflineDatabaseModule, OrganisationsModule, NetworksModule],
  })
  class DocsModule {}

  await writeServiceOpenApi(DocsModule, {
    serviceName: 'partners',
    description:
      'Organisationen (Unternehmen, Bildungsträger, Schulen, Kammern, Agenturen), Verbünde und ihre Mitglieder, Prüfung. ' +
      'Fehler als RFC 9457 (application/problem+json). / Organisations, networks and membership, verification.',
    file: OUTPUT,
  });
}

void main();
