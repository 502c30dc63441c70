import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { OrganisationView } from '../../queries/organisation.view';
import { DeactivateOrganisationHandler } from './deactivate-organisation.handler';
import { DeactivateOrganisationRequest } from './deactivate-organisation.request';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class DeactivateOrganisationController {
  constructor(private readonly handler: DeactivateOrganisationHandler) {}

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Organisation deaktivieren (Betreiber oder die Organisation selbst) / deactivate' })
  @ApiOkResponse({ type: OrganisationView })
  deactivate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: DeactivateOrganisationRequest,
  ): Promise<OrganisationView> {
    return this.handler.execute(principal, id, request);
  }
}
