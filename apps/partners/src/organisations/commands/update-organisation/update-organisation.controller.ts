import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { OrganisationView } from '../../queries/organisation.view';
import { UpdateOrganisationHandler } from './update-organisation.handler';
import { UpdateOrganisationRequest } from './update-organisation.request';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class UpdateOrganisationController {
  constructor(private readonly handler: UpdateOrganisationHandler) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Stammdaten ändern / update organisation details' })
  @ApiOkResponse({ type: OrganisationView })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: UpdateOrganisationRequest,
  ): Promise<OrganisationView> {
    return this.handler.execute(principal, id, request);
  }
}
