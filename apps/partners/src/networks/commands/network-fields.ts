import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { NETWORK_MEMBER_ROLES, NetworkMemberRole } from '@bildungsraum/contracts';

const DISTRICTS = { description: 'Kreisschlüssel (AGS, 5-stellig), auch über Landesgrenzen / district keys, across state borders allowed', examples: [['05762', '03255']] };

/** Request schemas for networks; the OpenAPI schemas are derived from these validation rules. */
export class CreateNetworkRequest {
  @JSONSchema({ examples: ['Weiterbildungsverbund Höxter–Holzminden'] })
  @IsString() @Length(1, 300) name!: string;

  @IsOptional() @IsString() @Length(0, 4000) description?: string;

  @JSONSchema(DISTRICTS)
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @Matches(/^\d{5}$/, { each: true, message: 'each district key must have 5 digits (AGS)' })
  districtKeys!: string[];
}

export class UpdateNetworkRequest {
  @IsOptional() @IsString() @Length(1, 300) name?: string;

  @JSONSchema({ description: 'null entfernt sie / null removes it' })
  @ValidateIf((_object, value) => value !== null && value !== undefined) @IsString() @Length(0, 4000) description?: string | null;

  @JSONSchema(DISTRICTS)
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @Matches(/^\d{5}$/, { each: true, message: 'each district key must have 5 digits (AGS)' })
  districtKeys?: string[];
}

export class SetMemberRequest {
  @JSONSchema({ description: 'coordinator: die Koordinator:innen der Organisation handeln für den Verbund / its coordinators act for the network' })
  @IsIn(NETWORK_MEMBER_ROLES) role!: NetworkMemberRole;
}
