import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PARTNER_KINDS, PartnerKind } from '@bildungsraum/contracts';
import {
  CompanyFactsRequest,
  ContactPersonRequest,
  CONTACTS_MAX,
  nestedArray,
  nestedObject,
  ProviderFactsRequest,
  SiteRequest,
  SITES_MAX,
} from '../organisation-fields';

export class RegisterOrganisationRequest {
  @ApiProperty({ enum: PARTNER_KINDS }) @IsIn(PARTNER_KINDS) kind!: PartnerKind;
  @ApiProperty({ example: 'Metallbau Korbach GmbH' }) @IsString() @Length(1, 300) name!: string;

  @ApiPropertyOptional({ type: CompanyFactsRequest, description: 'Pflicht für Unternehmen / required for companies' })
  @IsOptional() @nestedObject(() => CompanyFactsRequest) company?: CompanyFactsRequest;

  @ApiPropertyOptional({ type: ProviderFactsRequest, description: 'Für Bildungsanbieter, Schulen, Kammern / for providers, schools, chambers' })
  @IsOptional() @nestedObject(() => ProviderFactsRequest) provider?: ProviderFactsRequest;

  @ApiProperty({ type: [SiteRequest] }) @nestedArray(() => SiteRequest, SITES_MAX) sites!: SiteRequest[];

  @ApiPropertyOptional({ type: [ContactPersonRequest], description: 'Personenbezogen: bleibt im Dienst, nie in Ereignissen / personal data, never in events' })
  @IsOptional() @nestedArray(() => ContactPersonRequest, CONTACTS_MAX) contacts?: ContactPersonRequest[];

  @ApiPropertyOptional({ description: 'Nur Betreiber: sofort geprüft anlegen / operators only: create verified' })
  @IsOptional() @IsBoolean() verified?: boolean;
}
