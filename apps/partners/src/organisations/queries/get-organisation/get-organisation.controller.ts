import { Controller, Get, Injectable, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { notFound } from '../../../shared/domain/partner-errors';
import { PartnersStore } from '../../../shared/infra/partners-store';
import { organisationAccess } from '../../domain/organisation-access';
import { organisationRepository } from '../../infra/organisation.repository';
import { OrganisationView, toOrganisationView } from '../organisation.view';

@Injectable()
export class GetOrganisationHandler {
  constructor(
    private readonly store: PartnersStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, id: string): Promise<OrganisationView> {
    return this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const organisation = await organisationRepository.load(manager, id);
      const scope = organisation && { id: organisation.id, networkIds: organisation.networkIds };
      if (!organisation || !scope || !organisationAccess.canRead(actor, scope)) throw notFound('organisation');
      return toOrganisationView(organisation, { withContacts: organisationAccess.canManageContacts(actor, scope) });
    });
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class GetOrganisationController {
  constructor(private readonly handler: GetOrganisationHandler) {}

  @Get(':id')
  @ApiOperation({ summary: 'Organisation lesen / read an organisation' })
  @ApiOkResponse({ type: OrganisationView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OrganisationView> {
    return this.handler.execute(principal, id);
  }
}
