import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DEACTIVATION_REASONS } from '@bildungsraum/contracts';
import { DeactivationReasonCode } from '../../domain/organisation';

export class DeactivateOrganisationRequest {
  @ApiProperty({ enum: DEACTIVATION_REASONS }) @IsIn(DEACTIVATION_REASONS) reasonCode!: DeactivationReasonCode;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
