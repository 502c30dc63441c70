import { JSONSchema } from 'class-validator-jsonschema';
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
  @IsIn(PARTNER_KINDS) kind!: PartnerKind;
  @JSONSchema({ examples: ['Metallbau Korbach GmbH'] })
  @IsString() @Length(1, 300) name!: string;

  @JSONSchema({ description: 'Pflicht für Unternehmen / required for companies' })
  @IsOptional() @nestedObject(() => CompanyFactsRequest) company?: CompanyFactsRequest;

  @JSONSchema({ description: 'Für Bildungsanbieter, Schulen, Kammern / for providers, schools, chambers' })
  @IsOptional() @nestedObject(() => ProviderFactsRequest) provider?: ProviderFactsRequest;

  @nestedArray(() => SiteRequest, SITES_MAX) sites!: SiteRequest[];

  @JSONSchema({ description: 'Personenbezogen: bleibt im Dienst, nie in Ereignissen / personal data, never in events' })
  @IsOptional() @nestedArray(() => ContactPersonRequest, CONTACTS_MAX) contacts?: ContactPersonRequest[];

  @JSONSchema({ description: 'Nur Betreiber: sofort geprüft anlegen / operators only: create verified' })
  @IsOptional() @IsBoolean() verified?: boolean;
}
