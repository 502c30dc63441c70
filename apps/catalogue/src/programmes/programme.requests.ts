import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';

export class ProgrammeRequest {
  @ApiProperty({ description: 'Regelwerk als Daten (siehe @bildungsraum/funding README) / rule set as data', type: 'object', additionalProperties: true })
  @IsObject()
  programme!: Record<string, unknown>;
  @ApiPropertyOptional({ description: '`federal` oder Land/Region / federal or a state or region', example: 'Hessen' })
  @IsOptional()
  @IsString()
  @Length(1, 80)
  scope?: string;
  @ApiPropertyOptional({ enum: ['active', 'retired'] })
  @IsOptional()
  @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';
}

export class CompanyFactsRequest {
  @ApiProperty({ description: 'Beschäftigte / head count', example: 45 }) @IsInt() @Min(0) @Max(1_000_000) headCount!: number;
  @ApiPropertyOptional({ description: 'Kreisschlüssel des Betriebssitzes / district key', example: '06635' }) @IsOptional() @Matches(/^\d{5}$/) districtKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) staffAffectedByStructuralChange?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasQualificationAgreement?: boolean;
}

export class FundedBeforeRequest {
  @IsString() @Length(1, 80) programmeId!: string;
  @IsISO8601({ strict: true }) date!: string;
}

export class ParticipantGroupRequest {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) @Max(10000) count?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(14) @Max(99) age?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() severelyDisabled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() employed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() jobSeeker?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) targetGroups?: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(80) qualificationYearsAgo?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() hasChild?: boolean;
  @ApiPropertyOptional({ description: 'Frühere Förderungen / earlier funded courses' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FundedBeforeRequest) lastFundedUnder?: FundedBeforeRequest[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) lostNetPayCents?: number;
}

/** `POST /funding/evaluate`: which programmes apply for this company, these participants and this course date. */
export class FundingQuestionRequest {
  @ValidateNested() @Type(() => CompanyFactsRequest) company!: CompanyFactsRequest;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ParticipantGroupRequest) participants!: ParticipantGroupRequest[];
  @ApiProperty({ format: 'uuid' }) @IsUUID() courseDateId!: string;
  @ApiPropertyOptional({ description: 'Stichtag (sonst Kursbeginn) / evaluation date' }) @IsOptional() @IsISO8601({ strict: true }) on?: string;
}
