import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { NETWORK_MEMBER_ROLES, NetworkMemberRole } from '@bildungsraum/contracts';

const DISTRICTS = { description: 'Kreisschlüssel (AGS, 5-stellig), auch über Landesgrenzen / district keys, across state borders allowed', example: ['05762', '03255'] };

export class CreateNetworkRequest {
  @ApiProperty({ example: 'Weiterbildungsverbund Höxter–Holzminden' }) @IsString() @Length(1, 300) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(0, 4000) description?: string;
  @ApiProperty({ type: [String], ...DISTRICTS })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @Matches(/^\d{5}$/, { each: true, message: 'each district key must have 5 digits (AGS)' })
  districtKeys!: string[];
}

export class UpdateNetworkRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) name?: string;
  @ApiPropertyOptional({ nullable: true, description: 'null removes it' })
  @ValidateIf((_object, value) => value !== null && value !== undefined) @IsString() @Length(0, 4000) description?: string | null;
  @ApiPropertyOptional({ type: [String], ...DISTRICTS })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @Matches(/^\d{5}$/, { each: true, message: 'each district key must have 5 digits (AGS)' })
  districtKeys?: string[];
}

export class SetMemberRequest {
  @ApiProperty({ enum: NETWORK_MEMBER_ROLES, description: 'coordinator: die Koordinator:innen der Organisation handeln für den Verbund' })
  @IsIn(NETWORK_MEMBER_ROLES) role!: NetworkMemberRole;
}
