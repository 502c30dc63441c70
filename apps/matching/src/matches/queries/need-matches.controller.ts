import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles } from '@bildungsraum/platform';
import { directory } from '../../directory/infra/directory.repository';
import { speaksForCompany } from '../../shared/domain/actor';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { loadNeed, NeedRecord } from '../infra/need-records';
import { matchRepository } from '../infra/match.repository';
import { NeedMatchesView, toMatchView } from './match.view';

export const NEED_NOT_FOUND = 'Bedarf nicht gefunden / need not found';

@ApiTags('matches')
@ApiBearerAuth()
@Controller('needs')
export class NeedMatchesController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
  ) {}

  /** Only the need's company, coordinators of its networks and operators; others get 404 (existence does not leak). */
  @Get(':id/matches')
  @Roles('operator', 'coordinator', 'company')
  @ApiOperation({ summary: 'Vorschläge zu einem Bedarf mit Bewertung und Begründung / matches of a need with score and explanation' })
  @ApiOkResponse({ type: NeedMatchesView })
  async list(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NeedMatchesView> {
    const manager = this.dataSource.manager;
    const actor = await this.actors.resolve(manager, principal);
    const need = await loadNeed(manager, id);
    if (!need || !speaksForCompany(actor, await directory.companyScope(manager, need.snapshot.company.id))) throw new NotFoundProblem(NEED_NOT_FOUND);
    return needMatchesView(manager, need);
  }
}

/** The need's skills (given, read, corrected) and its current matches, best first. */
export async function needMatchesView(manager: EntityManager, need: NeedRecord): Promise<NeedMatchesView> {
  const matches = (await matchRepository.ofNeed(manager, need.id)).filter((match) => match.status !== 'withdrawn');
  return {
    needId: need.id,
    needVersion: need.version,
    givenSkillUris: need.snapshot.skillUris,
    textSkills: need.textSkills,
    skillCorrections: need.corrections,
    matchedOnSkillUris: need.skillUris,
    matches: matches.map(toMatchView),
  };
}
