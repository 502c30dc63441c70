import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { OrganisationView } from '../organisation.view';
import { ListOrganisationsHandler, OrganisationPage } from './list-organisations.handler';
import { ListOrganisationsQuery } from './list-organisations.query';

class OrganisationPageView {
  @ApiProperty({ type: [OrganisationView] }) items!: OrganisationView[];
  @ApiPropertyOptional() nextCursor?: string;
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class ListOrganisationsController {
  constructor(private readonly handler: ListOrganisationsHandler) {}

  @Get()
  @ApiOperation({ summary: 'Organisationen auflisten (nur sichtbare) / list the organisations visible to the caller' })
  @ApiOkResponse({ type: OrganisationPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListOrganisationsQuery): Promise<OrganisationPage> {
    return this.handler.execute(principal, query);
  }
}
