import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { HealthModule, loadConfig, PlatformModule, writeServiceOpenApi } from '@bildungsraum/platform';
import { CatalogueConfig } from '../src/catalogue.config';
import { createCatalogueDataSource } from '../src/db/catalogue-data-source';
import { ImportsModule } from '../src/imports/imports.module';
import { OffersModule } from '../src/offers/offers.module';
import { ProgrammesModule } from '../src/programmes/programmes.module';
import { SearchModule } from '../src/search/search.module';
import { SkillsModule } from '../src/skills/skills.module';
import { CATALOGUE_DATA_SOURCE, CatalogueStore } from '../src/shared/infra/catalogue-store';

/**
 * Writes docs/api/catalogue.openapi.json from the app's own controllers and DTOs, without any
 * server: the DataSource is created but never connected, since no request is served.
 */
const OUTPUT = resolve(__dirname, '..', '..', '..', 'docs', 'api', 'catalogue.openapi.json');

export const CATALOGUE_API_DESCRIPTION =
  'Angebote und Termine der Bildungsträger (Plätze, Mindestteilnehmende), öffentliche Suche (Volltext, Umkreis, Filter, Facetten), ' +
  'Förderprogramme und Förderauskunft, ESCO-Kompetenzen, Import aus CSV und schema.org JSON-LD. Fehler als RFC 9457 (application/problem+json). / ' +
  'Offers and course dates, public search, funding programmes and funding answers, ESCO skills, imports.';

async function main(): Promise<void> {
  const config = loadConfig(CatalogueConfig, { DATABASE_URL: 'postgres://docs@localhost/docs', NATS_URL: 'nats://localhost:4222', LOG_LEVEL: 'silent' });

  @Global()
  @Module({
    providers: [{ provide: CATALOGUE_DATA_SOURCE, useValue: createCatalogueDataSource(config.DATABASE_URL) }, CatalogueStore],
    exports: [CATALOGUE_DATA_SOURCE, CatalogueStore],
  })
  class OfflineDatabaseModule {}

  @Module({
    imports: [PlatformModule.forRoot(config, { serviceName: 'catalogue' }), HealthModule.forRoot({ checks: [] }), OfflineDatabaseModule, ImportsModule, OffersModule, ProgrammesModule, SearchModule, SkillsModule],
  })
  class DocsModule {}

  await writeServiceOpenApi(DocsModule, { serviceName: 'catalogue', description: CATALOGUE_API_DESCRIPTION, file: OUTPUT });
}

void main();
