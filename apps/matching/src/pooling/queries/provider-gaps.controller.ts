import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { ActorResolver } from '../../shared/infra/actor-resolver';
import { MATCHING_DATA_SOURCE } from '../../shared/infra/matching-store';
import { readGaps } from './gap-report';
import { GapPageView } from './gap.view';
import { GapsQuery } from './gaps.query';
import { providerRegion } from './read-scope';

/**
 * A provider's call for offers: open gaps in its region (the districts of its sites and of its
 * course venues). Counts only; which companies and needs stand behind a gap is not shown.
 */
@ApiTags('provider')
@ApiBearerAuth()
@Roles('provider')
@Controller('provider/gaps')
export class ProviderGapsController {
  constructor(
    @Inject(MATCHING_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly actors: ActorResolver,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Angebotslücken in der Region des Bildungsträgers (Standard: offene) / gaps in the provider’s region (default: open)' })
  @ApiOkResponse({ type: GapPageView })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: GapsQuery): Promise<GapPageView> {
    const manager = this.dataSource.manager;
    const actor = await this.actors.resolve(manager, principal);
    const scope = await providerRegion(manager, actor.partnerId);
    return readGaps(manager, { ...query, status: query.status ?? 'open', limit: query.limit ?? 50, scope });
  }
}
