import { Body, Controller, Delete, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { NetworkView } from '../../queries/network.view';
import { SetMemberRequest } from '../network-fields';
import { NetworkMembershipHandler } from './network-membership.handler';

@ApiTags('networks')
@ApiBearerAuth()
@Controller('networks/:id/members')
export class NetworkMembershipController {
  constructor(private readonly handler: NetworkMembershipHandler) {}

  @Put(':partnerId')
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Mitglied aufnehmen oder Rolle ändern / add a member or change its role' })
  @ApiOkResponse({ type: NetworkView })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
    @Body() request: SetMemberRequest,
  ): Promise<NetworkView> {
    return this.handler.setMember(principal, id, partnerId, request.role);
  }

  @Delete(':partnerId')
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Mitglied entfernen / remove a member' })
  @ApiOkResponse({ type: NetworkView })
  remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('partnerId', new ParseUUIDPipe()) partnerId: string,
  ): Promise<NetworkView> {
    return this.handler.removeMember(principal, id, partnerId);
  }
}
