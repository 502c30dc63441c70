import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, NotFoundProblem, Principal, Roles, UnprocessableProblem } from '@bildungsraum/platform';
import { directory } from '../directory/infra/directory.repository';
import { loadNeed } from '../matches/infra/need-records';
import { lockNeedForRematch } from '../matches/infra/need-lock';
import { readModels } from '../matches/infra/read-models';
import { Rematcher } from '../matches/infra/rematcher';
import { NeedMatchesView } from '../matches/queries/match.view';
import { NEED_NOT_FOUND, needMatchesView } from '../matches/queries/need-matches.controller';
import { speaksForCompany } from '../shared/domain/actor';
import { ActorResolver } from '../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../shared/infra/matching-store';
import { lockSkills } from '../shared/infra/skill-locks';
import { contradictions, correct, effectiveSkills } from './domain/skill-corrections';
import { CorrectSkillsRequest } from './correct-skills.request';

@ApiTags('matches')
@ApiBearerAuth()
@Controller('needs')
export class CorrectSkillsController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
    private readonly rematcher: Rematcher,
  ) {}

  /**
   * The company or its coordinators correct what was read from the need's text; the need is
   * re-matched in the same transaction (proposals and retractions go out through the outbox).
   */
  @Post(':id/skill-corrections')
  @HttpCode(200)
  @Roles('operator', 'coordinator', 'company')
  @ApiOperation({ summary: 'Fähigkeiten eines Bedarfs bestätigen, entfernen, ergänzen / confirm, remove or add a need’s skills' })
  @ApiOkResponse({ type: NeedMatchesView })
  correct(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() request: CorrectSkillsRequest): Promise<NeedMatchesView> {
    return this.dataSource.transaction(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      // Skills (those it has and those added), then the need: the order the event handlers lock in.
      const need = await lockNeedForRematch(manager, id, request.add ?? []);
      if (!need || !speaksForCompany(actor, await directory.companyScope(manager, need.snapshot.company.id))) throw new NotFoundProblem(NEED_NOT_FOUND);
      const contradicting = contradictions(request);
      if (contradicting.length) {
        throw new UnprocessableProblem('Eine Fähigkeit steht in mehreren Listen / a skill is named in more than one list', { code: 'skills.contradiction', uris: contradicting });
      }
      const corrections = correct(need.corrections, request);
      const skillUris = effectiveSkills(need.snapshot.skillUris, need.textSkills, corrections).map((skill) => skill.uri);
      await lockSkills(manager, skillUris); // held already, unless the need changed meanwhile
      await readModels.correctSkills(manager, need.id, corrections, skillUris);
      await this.rematcher.rematchNeed(manager, need.id);
      return needMatchesView(manager, (await loadNeed(manager, id))!);
    });
  }
}
