import { Body, Controller, Injectable, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentCause, CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { forbidden } from '../../../shared/domain/partner-errors';
import { networkEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { networkAccess } from '../../domain/network-access';
import { networkRepository } from '../../infra/network.repository';
import { NetworkView, toNetworkView } from '../../queries/network.view';
import { loadVisibleNetwork, scopeOf } from '../load-network';
import { UpdateNetworkRequest } from '../network-fields';

@Injectable()
export class UpdateNetworkHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, id: string, request: UpdateNetworkRequest): Promise<NetworkView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const network = await loadVisibleNetwork(manager, actor, id, { forUpdate: true });
      if (!networkAccess.canUpdate(actor, scopeOf(network))) throw forbidden('Nur Betreiber und Koordination des Verbunds / operators and the network’s coordinators only');
      network.update(request);
      const events = networkEvents(network.pullChanges(), currentCause());
      if (events.length) await networkRepository.save(manager, network);
      return { result: toNetworkView(network), events };
    });
  }
}

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class UpdateNetworkController {
  constructor(private readonly handler: UpdateNetworkHandler) {}

  @Patch(':id')
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Verbund ändern (Name, Beschreibung, Landkreise) / update a network' })
  @ApiOkResponse({ type: NetworkView })
  update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() request: UpdateNetworkRequest): Promise<NetworkView> {
    return this.handler.execute(principal, id, request);
  }
}
