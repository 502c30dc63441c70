import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  ESCO_OCCUPATION_URI,
  ESCO_SKILL_URI,
  ISO_DATE,
  KLDB_CODE,
  LEARNING_FORMATS,
  LearningFormat,
  SCHEDULES,
  Schedule,
  TARGET_GROUPS,
  TargetGroup,
} from '@bildungsraum/contracts';

export class TargetGroupCountRequest {
  @IsIn(TARGET_GROUPS) targetGroup!: TargetGroup;
  @IsInt() @Min(1) @Max(10_000) count!: number;
}

export class NeedSiteRequest {
  @JSONSchema({ description: 'Einer der Standorte des Unternehmens (partners) / one of the company’s sites' })
  @IsOptional() @IsUUID() siteId?: string;
  @JSONSchema({ description: 'Oder ein eigener Ort: Postleitzahl / or a place of its own: postal code', examples: ['34497'] })
  @IsOptional() @Matches(/^\d{5}$/, { message: 'postalCode must be a 5-digit postal code' }) postalCode?: string;
  @IsOptional() @IsString() @Length(1, 120) city?: string;
}

export class StaffFactsRequest {
  @JSONSchema({ description: 'Teilnehmende ab 45 Jahren (§ 82 SGB III) / participants aged 45+' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000) participantsAged45Plus?: number;
  @JSONSchema({ description: 'Schwerbehinderte Teilnehmende / severely disabled participants' })
  @IsOptional() @IsInt() @Min(0) @Max(10_000) participantsSeverelyDisabled?: number;
}

/**
 * The optional fields of a need; the create request adds the required `description` and
 * `participants`, an update (PATCH) has them optional and changes only what it sends.
 */
export class NeedFieldsRequest {
  @JSONSchema({ description: 'ESCO-Kompetenzen (URIs) / ESCO skill URIs' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ArrayUnique() @Matches(ESCO_SKILL_URI, { each: true, message: 'each skillUri must be an ESCO URI (http://data.europa.eu/esco/skill/…)' })
  skillUris?: string[];

  @IsOptional() @Matches(ESCO_OCCUPATION_URI, { message: 'occupationUri must be an ESCO occupation URI' }) occupationUri?: string;
  @JSONSchema({ description: 'KldB 2010 (1–5 Ziffern) / KldB 2010 code', examples: ['24412'] })
  @IsOptional() @Matches(KLDB_CODE, { message: 'kldbCode must be a KldB 2010 code of 1–5 digits' }) kldbCode?: string;

  @JSONSchema({ description: 'Standard: employees / default employees' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(TARGET_GROUPS, { each: true }) targetGroups?: TargetGroup[];

  @IsOptional() @IsArray() @ArrayMaxSize(TARGET_GROUPS.length) @ValidateNested({ each: true }) @Type(() => TargetGroupCountRequest)
  participantsByTargetGroup?: TargetGroupCountRequest[];

  @IsOptional() @IsInt() @Min(1) @Max(8) dqrLevel?: number;
  @JSONSchema({ description: 'ISO 639-1, Standard de / default de' })
  @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as de' }) language?: string;
  @IsOptional() @IsBoolean() jobSpecificGerman?: boolean;

  @JSONSchema({ description: 'Standard: erster Standort des Unternehmens / default: the company’s first site' })
  @IsOptional() @ValidateNested() @Type(() => NeedSiteRequest) site?: NeedSiteRequest;

  @IsOptional() @IsInt() @Min(0) @Max(1000) maxTravelKm?: number;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(LEARNING_FORMATS, { each: true }) formats?: LearningFormat[];
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(SCHEDULES, { each: true }) schedules?: Schedule[];
  @JSONSchema({ examples: ['2026-03-01'] })
  @IsOptional() @Matches(ISO_DATE, { message: 'earliestStart must be a date YYYY-MM-DD' }) earliestStart?: string;
  @JSONSchema({ examples: ['2026-09-30'] })
  @IsOptional() @Matches(ISO_DATE, { message: 'latestEnd must be a date YYYY-MM-DD' }) latestEnd?: string;
  @JSONSchema({ description: 'Budget je Person in Cent / per participant in euro cents' })
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000) budgetPerParticipantCents?: number;
  @IsOptional() @IsBoolean() fundingAdviceWanted?: boolean;
  @IsOptional() @ValidateNested() @Type(() => StaffFactsRequest) staff?: StaffFactsRequest;
  @JSONSchema({ description: 'Name für Anbieter sichtbar, wenn gebündelt / name visible to providers when pooled' })
  @IsOptional() @IsBoolean() nameVisibleToProviders?: boolean;
}
