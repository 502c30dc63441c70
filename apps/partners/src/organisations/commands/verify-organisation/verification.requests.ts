import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class RejectOrganisationRequest {
  @ApiProperty({ description: 'Begründung für die Organisation / reason shown to the organisation', example: 'Handelsregisterauszug fehlt' })
  @IsString() @Length(1, 2000) reason!: string;
}
