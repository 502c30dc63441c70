import { IsString, Length } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

export class RejectOrganisationRequest {
  @JSONSchema({ description: 'Begründung für die Organisation / reason shown to the organisation', examples: ['Handelsregisterauszug fehlt'] })
  @IsString() @Length(1, 2000) reason!: string;
}
