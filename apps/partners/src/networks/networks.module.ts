import { Module } from '@nestjs/common';
import { CreateNetworkController, CreateNetworkHandler } from './commands/create-network/create-network.controller';
import { NetworkMembershipController } from './commands/network-membership/network-membership.controller';
import { NetworkMembershipHandler } from './commands/network-membership/network-membership.handler';
import { UpdateNetworkController, UpdateNetworkHandler } from './commands/update-network/update-network.controller';
import { GetNetworkController, GetNetworkHandler } from './queries/get-network/get-network.controller';
import { ListNetworksController, ListNetworksHandler } from './queries/list-networks/list-networks.controller';

/** Bounded context "networks": Verbünde, their districts and members. */
@Module({
  controllers: [ListNetworksController, GetNetworkController, CreateNetworkController, UpdateNetworkController, NetworkMembershipController],
  providers: [ListNetworksHandler, GetNetworkHandler, CreateNetworkHandler, UpdateNetworkHandler, NetworkMembershipHandler],
})
export class NetworksModule {}
