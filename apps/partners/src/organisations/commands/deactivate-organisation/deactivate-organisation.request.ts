import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DEACTIVATION_REASONS } from '@bildungsraum/contracts';
import { DeactivationReasonCode } from '../../domain/organisation';

export class DeactivateOrganisationRequest {
  @IsIn(DEACTIVATION_REASONS) reasonCode!: DeactivationReasonCode;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
