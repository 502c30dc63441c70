import { Controller, Get, Injectable, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { loadVisibleNetwork } from '../../commands/load-network';
import { NetworkView, toNetworkView } from '../network.view';

@Injectable()
export class GetNetworkHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, id: string): Promise<NetworkView> {
    return this.store.read(async (manager) => toNetworkView(await loadVisibleNetwork(manager, await this.actors.resolve(manager, principal), id)));
  }
}

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class GetNetworkController {
  constructor(private readonly handler: GetNetworkHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'Verbund lesen (Betreiber und Mitglieder) / read a network (operators and members)' })
  @ApiOkResponse({ type: NetworkView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NetworkView> {
    return this.handler.execute(principal, id);
  }
}
