import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { CompanyFactsRequest, nestedArray, nestedObject, ProviderFactsRequest, SiteRequest, SITES_MAX } from '../organisation-fields';

/** Partial update: fields left out stay as they are; `sites` replaces the whole list. */
export class UpdateOrganisationRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) name?: string;
  @ApiPropertyOptional({ type: CompanyFactsRequest }) @IsOptional() @nestedObject(() => CompanyFactsRequest) company?: CompanyFactsRequest;
  @ApiPropertyOptional({ type: ProviderFactsRequest }) @IsOptional() @nestedObject(() => ProviderFactsRequest) provider?: ProviderFactsRequest;
  @ApiPropertyOptional({ type: [SiteRequest] }) @IsOptional() @nestedArray(() => SiteRequest, SITES_MAX) sites?: SiteRequest[];
}
