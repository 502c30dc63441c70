import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@bildungsraum/platform';
import { ContactPerson } from '../../domain/contact-person';
import { ContactPersonView } from '../../queries/organisation.view';
import { ContactPersonRequest } from '../organisation-fields';
import { ContactPersonsHandler } from './contact-persons.handler';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations/:id/contacts')
export class ContactPersonsController {
  constructor(private readonly handler: ContactPersonsHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Kontaktperson hinzufügen / add a contact person' })
  @ApiCreatedResponse({ type: ContactPersonView })
  add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() request: ContactPersonRequest,
  ): Promise<ContactPerson> {
    return this.handler.add(principal, id, request);
  }

  @Get()
  @ApiOperation({ summary: 'Kontaktpersonen / contact persons' })
  @ApiOkResponse({ type: [ContactPersonView] })
  list(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<ContactPerson[]> {
    return this.handler.list(principal, id);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Kontaktperson löschen (endgültig) / erase a contact person for good' })
  @ApiNoContentResponse()
  async erase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('contactId', new ParseUUIDPipe()) contactId: string,
  ): Promise<void> {
    await this.handler.erase(principal, id, contactId);
  }
}
