import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { OrganisationView } from '../../queries/organisation.view';
import { VerificationHandler } from './verification.handler';
import { RejectOrganisationRequest } from './verification.requests';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class VerificationController {
  constructor(private readonly handler: VerificationHandler) {}

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Organisation prüfen und freischalten / verify an organisation' })
  @ApiOkResponse({ type: OrganisationView })
  verify(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrganisationView> {
    return this.handler.verify(principal, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('operator', 'coordinator')
  @ApiOperation({ summary: 'Registrierung mit Begründung ablehnen / reject a registration with a reason' })
  @ApiOkResponse({ type: OrganisationView })
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: RejectOrganisationRequest,
  ): Promise<OrganisationView> {
    return this.handler.reject(principal, id, request.reason);
  }
}
