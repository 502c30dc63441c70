import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { coordinatingIn, isOperator } from '../../../shared/domain/actor';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { notFound } from '../../../shared/domain/need-errors';
import { NeedsStore } from '../../../shared/infra/needs-store';
import { ListNeedsHandler, NeedPage } from '../list-needs/list-needs.handler';
import { ListNeedsQuery } from '../list-needs/list-needs.query';

/**
 * A coordinator's view over one of its networks: the needs of the network's member companies,
 * with the list's filters. A network the caller does not coordinate answers 404.
 */
@ApiTags('needs')
@ApiBearerAuth()
@Controller('networks')
export class NetworkNeedsController {
  constructor(
    private readonly store: NeedsStore,
    private readonly actors: ActorResolver,
    private readonly list: ListNeedsHandler,
  ) {}

  @Get(':networkId/needs')
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Bedarfe der Mitglieder eines koordinierten Verbunds / needs of a coordinated network’s members' })
  @ApiOkResponse({ description: 'items, nextCursor (as GET /needs)' })
  async needs(@CurrentPrincipal() principal: Principal, @Param('networkId', new ParseUUIDPipe()) networkId: string, @Query() query: ListNeedsQuery): Promise<NeedPage> {
    const actor = await this.store.read((manager) => this.actors.resolve(manager, principal));
    if (!isOperator(actor) && !coordinatingIn(actor).includes(networkId)) throw notFound('network');
    return this.list.execute(principal, { ...query, network: networkId });
  }
}
