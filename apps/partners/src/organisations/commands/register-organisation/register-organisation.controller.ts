import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { OrganisationView } from '../../queries/organisation.view';
import { RegisterOrganisationHandler } from './register-organisation.handler';
import { RegisterOrganisationRequest } from './register-organisation.request';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class RegisterOrganisationController {
  constructor(private readonly handler: RegisterOrganisationHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Organisation registrieren (offen bis zur Prüfung) / register an organisation (pending until verified)' })
  @ApiCreatedResponse({ type: OrganisationView })
  register(@CurrentPrincipal() principal: Principal, @Body() request: RegisterOrganisationRequest): Promise<OrganisationView> {
    return this.handler.execute(principal, request);
  }
}
