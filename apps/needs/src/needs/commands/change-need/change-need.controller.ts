import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { NeedView } from '../../queries/need.view';
import { ChangeNeedHandler } from './change-need.handler';
import { UpdateNeedRequest, WithdrawNeedRequest } from './change-need.requests';

@ApiTags('needs')
@ApiBearerAuth()
@Roles('operator', 'coordinator', 'company')
@Controller('needs/:id')
export class ChangeNeedController {
  constructor(private readonly handler: ChangeNeedHandler) {}

  @Patch()
  @ApiOperation({ summary: 'Bedarf ändern (nur gesendete Felder) / change a need (fields sent only)' })
  @ApiOkResponse({ type: NeedView })
  update(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: UpdateNeedRequest): Promise<NeedView> {
    return this.handler.update(principal, id, request);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Entwurf einreichen (nur geprüfte Unternehmen) / submit a draft (verified companies only)' })
  @ApiOkResponse({ type: NeedView })
  submit(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NeedView> {
    return this.handler.submit(principal, id);
  }

  @Post('withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bedarf zurückziehen (jederzeit vor Erfüllung) / withdraw a need (any time before fulfilled)' })
  @ApiOkResponse({ type: NeedView })
  withdraw(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: WithdrawNeedRequest): Promise<NeedView> {
    return this.handler.withdraw(principal, id, request?.reason);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Entwurf löschen / delete a draft' })
  @ApiNoContentResponse()
  delete(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.handler.delete(principal, id);
  }
}
