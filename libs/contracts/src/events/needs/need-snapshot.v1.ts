import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { GeoPointV1, IsDistrictKey, IsPostalCode } from '../../shared/value-types';
import { SIZE_CLASSES, SizeClass } from '../partners/partner-snapshot.v1';

/** Lifecycle of a Qualifizierungsbedarf (DOMAIN.md). Drafts are private and never published. */
export const NEED_STATUSES = ['draft', 'submitted', 'matched', 'pooled', 'fulfilled', 'withdrawn', 'expired'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Zielgruppen: Auszubildende, Beschäftigte, Un- und Angelernte, Geflüchtete/Zugewanderte, Berufsrückkehrende, lernschwache Jugendliche, Ältere. */
export const TARGET_GROUPS = ['apprentices', 'employees', 'low_skilled', 'refugees_migrants', 'returners', 'disadvantaged_youth', 'older_employees', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Präsenz, online live, blended, selbstgesteuert, Inhouse. */
export const LEARNING_FORMATS = ['in_person', 'online_live', 'blended', 'self_paced', 'in_house'] as const;
export type LearningFormat = (typeof LEARNING_FORMATS)[number];

/** Vollzeit, Teilzeit, abends, Wochenende. */
export const SCHEDULES = ['full_time', 'part_time', 'evenings', 'weekends'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export const ESCO_SKILL_URI = /^http:\/\/data\.europa\.eu\/esco\/(skill|isco|occupation)\/[A-Za-z0-9.\-/]+$/;
export const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/(occupation|isco)\/[A-Za-z0-9.\-/]+$/;
/** KldB 2010: 1 to 5 digits (Berufsbereich … Berufsgattung). */
export const KLDB_CODE = /^\d{1,5}$/;
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class TargetGroupCountV1 {
  @IsIn(TARGET_GROUPS) targetGroup!: TargetGroup;
  @IsInt() @Min(1) count!: number;
}

/** Where the training is needed: one of the company's sites or a place of its own. */
export class NeedSiteV1 {
  /** Id of the company's site (partners) when the need is for one of them. */
  @IsOptional() @IsUUID() siteId?: string;
  @IsPostalCode() postalCode!: string;
  @IsOptional() @IsString() @Length(1, 120) city?: string;
  @ValidateNested() @Type(() => GeoPointV1) location!: GeoPointV1;
  @IsDistrictKey() districtKey!: string;
}

/** Facts the funding rules need (§ 82 SGB III): size comes from partners, these from the need. */
export class NeedStaffFactsV1 {
  @IsInt() @Min(0) participantsAged45Plus!: number;
  @IsInt() @Min(0) participantsSeverelyDisabled!: number;
}

export class NeedCompanyV1 {
  @IsUUID() id!: string;
  @IsOptional() @IsIn(SIZE_CLASSES) sizeClass?: SizeClass;
  /** Head count: § 82 bands (50 / 500) do not follow the size classes. */
  @IsOptional() @IsInt() @Min(0) employees?: number;
  @IsOptional() @IsDistrictKey() districtKey?: string;
  /** Whether providers may see the company's name when its need is pooled. */
  @IsBoolean() nameVisibleToProviders!: boolean;
}

export class NeedCapturedByV1 {
  /** The organisation that captured the need: the company itself or a coordinating organisation. */
  @IsUUID() partnerId!: string;
  @IsIn(['company', 'coordinator', 'operator']) role!: 'company' | 'coordinator' | 'operator';
}

/**
 * A Qualifizierungsbedarf as matching needs it to act without calling back: the full need, the
 * company's size and district, the site as a point. No personal data (no user, no contact).
 */
export class NeedSnapshotV1 {
  @IsUUID() id!: string;
  /** Aggregate version, +1 per change; consumers ignore versions older than the one they hold. */
  @IsInt() @Min(1) version!: number;
  @IsIn(NEED_STATUSES) status!: NeedStatus;
  @ValidateNested() @Type(() => NeedCompanyV1) company!: NeedCompanyV1;
  @ValidateNested() @Type(() => NeedCapturedByV1) capturedBy!: NeedCapturedByV1;
  /** The company's own words (German free text). */
  @IsString() @Length(1, 4000) description!: string;
  @IsArray() @ArrayUnique() @ArrayMaxSize(50) @Matches(ESCO_SKILL_URI, { each: true }) skillUris!: string[];
  @IsOptional() @Matches(ESCO_OCCUPATION_URI) occupationUri?: string;
  @IsOptional() @Matches(KLDB_CODE) kldbCode?: string;
  @IsInt() @Min(1) participants!: number;
  @IsArray() @ArrayUnique() @IsIn(TARGET_GROUPS, { each: true }) targetGroups!: TargetGroup[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => TargetGroupCountV1) participantsByTargetGroup!: TargetGroupCountV1[];
  @IsOptional() @IsInt() @Min(1) @Max(8) dqrLevel?: number;
  /** ISO 639-1 language of instruction, e.g. `de`. */
  @Matches(/^[a-z]{2}$/) language!: string;
  /** Whether a job-specific German course (berufsbezogenes Deutsch) is part of the need. */
  @IsBoolean() jobSpecificGerman!: boolean;
  @ValidateNested() @Type(() => NeedSiteV1) site!: NeedSiteV1;
  @IsOptional() @IsInt() @Min(0) maxTravelKm?: number;
  /** Acceptable formats; empty = any. */
  @IsArray() @ArrayUnique() @IsIn(LEARNING_FORMATS, { each: true }) formats!: LearningFormat[];
  /** Schedule preference; empty = any. */
  @IsArray() @ArrayUnique() @IsIn(SCHEDULES, { each: true }) schedules!: Schedule[];
  @IsOptional() @Matches(ISO_DATE) earliestStart?: string;
  @IsOptional() @Matches(ISO_DATE) latestEnd?: string;
  @IsOptional() @IsInt() @Min(0) budgetPerParticipantCents?: number;
  @IsBoolean() fundingAdviceWanted!: boolean;
  @ValidateNested() @Type(() => NeedStaffFactsV1) staff!: NeedStaffFactsV1;
  @IsOptional() @IsString() submittedAt?: string;
}
