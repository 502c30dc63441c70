import { Body, Controller, Delete, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@bildungsraum/platform';
import { courseDateView } from '../infra/offer-events';
import { offerView, OfferView } from '../queries/offer.view';
import { OfferCommands } from './offer-commands.service';
import { CourseDateRequest, CreateOfferRequest, UpdateCourseDateRequest, UpdateOfferRequest, WithdrawOfferRequest } from './offer.requests';

@ApiTags('offers')
@Controller('offers')
export class OffersCommandController {
  constructor(private readonly commands: OfferCommands) {}

  @Post()
  @Roles('provider', 'operator')
  @ApiOperation({ summary: 'Angebot als Entwurf anlegen / create an offer (draft)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOfferRequest): Promise<OfferView> {
    return offerView(await this.commands.create(principal, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Angebot ändern / update an offer' })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOfferRequest): Promise<OfferView> {
    return offerView(await this.commands.update(principal, id, body));
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Veröffentlichen (nur geprüfte Bildungsträger, eigene Angebote) / publish (verified provider, own offers)' })
  async publish(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OfferView> {
    return offerView(await this.commands.publish(principal, id));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Zurückziehen / withdraw' })
  async withdraw(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: WithdrawOfferRequest): Promise<OfferView> {
    return offerView(await this.commands.withdraw(principal, id, body.reason));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Archivieren / archive' })
  async archive(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OfferView> {
    return offerView(await this.commands.archive(principal, id));
  }

  @Post(':id/dates')
  @ApiOperation({ summary: 'Termin hinzufügen / add a course date' })
  async addDate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CourseDateRequest): Promise<OfferView['dates'][number]> {
    const date = await this.commands.addDate(principal, id, body);
    return courseDateView(date);
  }

  @Patch(':id/dates/:dateId')
  @ApiOperation({ summary: 'Termin ändern (auch Plätze) / update a course date (also seats)' })
  async updateDate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('dateId', new ParseUUIDPipe()) dateId: string,
    @Body() body: UpdateCourseDateRequest,
  ): Promise<OfferView['dates'][number]> {
    const date = await this.commands.updateDate(principal, id, dateId, body);
    return courseDateView(date);
  }

  @Delete(':id/dates/:dateId')
  @ApiOperation({ summary: 'Termin entfernen (ohne Teilnehmende) / remove a course date without participants' })
  async removeDate(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Param('dateId', new ParseUUIDPipe()) dateId: string): Promise<OfferView> {
    return offerView(await this.commands.removeDate(principal, id, dateId));
  }
}
