import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import { resolve } from 'node:path';
import { HealthModule, loadConfig, PlatformModule, writeServiceOpenApi } from '@bildungsraum/platform';
import { createMatchingDataSource } from '../src/db/matching-data-source';
import { PartnerEventsHandler } from '../src/directory/events/partner-events.handler';
import { MatchActionsController } from '../src/matches/commands/match-actions.controller';
import { MatchActionsHandler } from '../src/matches/commands/match-actions.handler';
import { NeedEventsHandler } from '../src/matches/events/need-events.handler';
import { OfferEventsHandler } from '../src/matches/events/offer-events.handler';
import { OfferInserter } from '../src/matches/infra/offer-inserter';
import { Rematcher } from '../src/matches/infra/rematcher';
import { NeedMatchesController } from '../src/matches/queries/need-matches.controller';
import { MatchingConfig } from '../src/matching.config';
import { POOLING_READ_CONTROLLERS } from '../src/pooling/queries/pooling-read-controllers';
import { CLOCK, systemClock } from '../src/shared/domain/clock';
import { ActorResolver } from '../src/shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../src/shared/infra/matching-store';
import { CorrectSkillsController } from '../src/skills/correct-skills.controller';
import { NeedSkillReader } from '../src/skills/need-skill-reader';

/**
 * Writes docs/api/matching.openapi.json from the app's own controllers and DTOs, without any
 * server: the DataSource is created but never connected, since no request is served.
 */
const OUTPUT = resolve(__dirname, '..', '..', '..', 'docs', 'api', 'matching.openapi.json');

const MATCHING_API_DESCRIPTION =
  'Vorschläge passender Kurstermine zu Qualifizierungsbedarfen mit Bewertung je Kriterium und Begründung; ' +
  'Annahme/Ablehnung durch das Unternehmen, Bestätigung/Absage durch den Bildungsträger. Fehler als RFC 9457 ' +
  '(application/problem+json). / Matches of course dates to qualification needs with per-criterion scores and ' +
  'explanations; answers by the company and the provider.';

async function main(): Promise<void> {
  const config = loadConfig(MatchingConfig, { DATABASE_URL: 'postgres://docs@localhost/docs', NATS_URL: 'nats://localhost:4222', LOG_LEVEL: 'silent' });

  @Global()
  @Module({
    providers: [{ provide: MATCHING_DATA_SOURCE, useValue: createMatchingDataSource(config.DATABASE_URL) }, { provide: CLOCK, useValue: systemClock }, ActorResolver, NeedSkillReader, Rematcher, OfferInserter, MatchActionsHandler],
    exports: [MATCHING_DATA_SOURCE, CLOCK, ActorResolver, NeedSkillReader, Rematcher, OfferInserter, MatchActionsHandler],
  })
  class OfflineModule {}

  // The event handlers too: their payload classes end up in the served document's components.
  @Module({
    imports: [PlatformModule.forRoot(config, { serviceName: 'matching' }), HealthModule.forRoot({ checks: [] }), OfflineModule],
    controllers: [PartnerEventsHandler, NeedEventsHandler, OfferEventsHandler, NeedMatchesController, MatchActionsController, CorrectSkillsController, ...POOLING_READ_CONTROLLERS],
  })
  class DocsModule {}

  await writeServiceOpenApi(DocsModule, { serviceName: 'matching', description: MATCHING_API_DESCRIPTION, file: OUTPUT });
}

void main();
