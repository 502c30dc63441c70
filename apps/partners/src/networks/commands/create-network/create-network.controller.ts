import { Body, Controller, HttpCode, Injectable, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { currentCause, CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { forbidden } from '../../../shared/domain/partner-errors';
import { networkEvents } from '../../../shared/infra/partner-events';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { Network } from '../../domain/network';
import { networkAccess } from '../../domain/network-access';
import { networkRepository } from '../../infra/network.repository';
import { NetworkView, toNetworkView } from '../../queries/network.view';
import { CreateNetworkRequest } from '../network-fields';

/** Operators found networks; coordinating members are appointed through the membership endpoint. */
@Injectable()
export class CreateNetworkHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, request: CreateNetworkRequest): Promise<NetworkView> {
    return this.store.change(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      if (!networkAccess.canCreate(actor)) throw forbidden('Nur Betreiber legen Verbünde an / only operators create networks');
      const network = Network.create({ id: randomUUID(), ...request });
      await networkRepository.save(manager, network);
      return { result: toNetworkView(network), events: networkEvents(network.pullChanges(), currentCause()) };
    });
  }
}

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks')
export class CreateNetworkController {
  constructor(private readonly handler: CreateNetworkHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('operator')
  @ApiOperation({ summary: 'Verbund anlegen / create a network' })
  @ApiCreatedResponse({ type: NetworkView })
  create(@CurrentPrincipal() principal: Principal, @Body() request: CreateNetworkRequest): Promise<NetworkView> {
    return this.handler.execute(principal, request);
  }
}
