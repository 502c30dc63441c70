import { IsOptional, IsString, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { CompanyFactsRequest, nestedArray, nestedObject, ProviderFactsRequest, SiteRequest, SITES_MAX } from '../organisation-fields';

/** Partial update: fields left out stay as they are; `sites` replaces the whole list. */
export class UpdateOrganisationRequest {
  @IsOptional() @IsString() @Length(1, 300) name?: string;
  @IsOptional() @nestedObject(() => CompanyFactsRequest) company?: CompanyFactsRequest;
  @IsOptional() @nestedObject(() => ProviderFactsRequest) provider?: ProviderFactsRequest;
  @JSONSchema({ description: 'Ersetzt alle Standorte; `id` behält einen bestehenden / replaces all sites; `id` keeps an existing one' })
  @IsOptional() @nestedArray(() => SiteRequest, SITES_MAX) sites?: SiteRequest[];
}
