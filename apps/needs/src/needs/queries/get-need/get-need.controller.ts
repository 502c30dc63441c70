import { Controller, Get, Injectable, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { mayActForCompany } from '../../../shared/domain/actor';
import { ActorResolver } from '../../../shared/infra/actor-resolver';
import { notFound } from '../../../shared/domain/need-errors';
import { NeedsStore } from '../../../shared/infra/needs-store';
import { directory } from '../../../directory/infra/directory.repository';
import { needRepository } from '../../infra/need.repository';
import { NeedView, toNeedView } from '../need.view';

@Injectable()
export class GetNeedHandler {
  constructor(
    private readonly store: NeedsStore,
    private readonly actors: ActorResolver,
  ) {}

  execute(principal: Principal, id: string): Promise<NeedView> {
    return this.store.read(async (manager) => {
      const actor = await this.actors.resolve(manager, principal);
      const need = await needRepository.load(manager, id);
      if (!need) throw notFound('need');
      const company = await directory.company(manager, need.snapshot.companyId);
      if (!mayActForCompany(actor, company ?? { id: need.snapshot.companyId, networkIds: [] })) throw notFound('need');
      return toNeedView(need);
    });
  }
}

@ApiTags('needs')
@ApiBearerAuth()
@Controller('needs')
export class GetNeedController {
  constructor(private readonly handler: GetNeedHandler) {}

  @Get(':id')
  @Roles('operator', 'coordinator', 'company')
  @ApiOperation({ summary: 'Einen Bedarf lesen / read one need' })
  @ApiOkResponse({ type: NeedView })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NeedView> {
    return this.handler.execute(principal, id);
  }
}
