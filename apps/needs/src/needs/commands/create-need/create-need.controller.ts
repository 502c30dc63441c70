import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { NeedView } from '../../queries/need.view';
import { CreateNeedHandler } from './create-need.handler';
import { CreateNeedRequest } from './create-need.request';

@ApiTags('needs')
@ApiBearerAuth()
@Controller('needs')
export class CreateNeedController {
  constructor(private readonly handler: CreateNeedHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('operator', 'coordinator', 'company')
  @ApiOperation({ summary: 'Bedarf erfassen (Entwurf oder gleich einreichen) / capture a need (draft, or submit at once)' })
  @ApiCreatedResponse({ type: NeedView })
  create(@CurrentPrincipal() principal: Principal, @Body() request: CreateNeedRequest): Promise<NeedView> {
    return this.handler.execute(principal, request);
  }
}
