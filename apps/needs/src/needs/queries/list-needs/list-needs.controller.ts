import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { NeedView } from '../need.view';
import { ListNeedsHandler, NeedPage } from './list-needs.handler';
import { ListNeedsQuery } from './list-needs.query';

class NeedPageView {
  @ApiProperty({ type: [NeedView] }) items!: NeedView[];
  @ApiPropertyOptional() nextCursor?: string;
}

@ApiTags('needs')
@ApiBearerAuth()
@Controller('needs')
export class ListNeedsController {
  constructor(private readonly handler: ListNeedsHandler) {}

  @Get()
  @Roles('operator', 'coordinator', 'company')
  @ApiOperation({ summary: 'Bedarfe auflisten (Unternehmen: eigene; Koordination: ihrer Verbünde) / list needs visible to the caller' })
  @ApiOkResponse({ type: NeedPageView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNeedsQuery): Promise<NeedPage> {
    return this.handler.execute(principal, query);
  }
}
