import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { MatchView } from '../queries/match.view';
import { MatchAnswerRequest } from './match-action.request';
import { MatchActionsHandler } from './match-actions.handler';

@ApiTags('matches')
@ApiBearerAuth()
@Roles('operator', 'coordinator', 'company', 'provider')
@Controller('matches/:id')
export class MatchActionsController {
  constructor(private readonly handler: MatchActionsHandler) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vorschlag annehmen (Unternehmen, Koordination) / accept a proposal (company side)' })
  @ApiOkResponse({ type: MatchView })
  accept(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: MatchAnswerRequest): Promise<MatchView> {
    return this.handler.answer(principal, id, 'accept', request?.reason);
  }

  @Post('decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vorschlag ablehnen (Unternehmen, Koordination) / decline a proposal (company side)', description: 'Der nächstbeste Termin wird in derselben Transaktion vorgeschlagen. / The next best date is proposed in the same transaction.' })
  @ApiOkResponse({ type: MatchView })
  decline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: MatchAnswerRequest): Promise<MatchView> {
    return this.handler.answer(principal, id, 'decline', request?.reason);
  }

  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Teilnahme bestätigen (Bildungsträger) / confirm participation (provider)' })
  @ApiOkResponse({ type: MatchView })
  confirm(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: MatchAnswerRequest): Promise<MatchView> {
    return this.handler.answer(principal, id, 'confirm', request?.reason);
  }

  @Post('reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Teilnahme ablehnen (Bildungsträger) / reject participation (provider)', description: 'Der nächstbeste Termin wird dem Bedarf in derselben Transaktion vorgeschlagen. / The need gets its next best date proposed in the same transaction.' })
  @ApiOkResponse({ type: MatchView })
  reject(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string, @Body() request: MatchAnswerRequest): Promise<MatchView> {
    return this.handler.answer(principal, id, 'reject', request?.reason);
  }
}
