import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
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

export const OFFER_STATUSES = ['draft', 'published', 'withdrawn', 'archived'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Präsenz, online live, blended, self-paced, in-house (DOMAIN.md "Angebot"). */
export const OFFER_FORMATS = ['presence', 'online_live', 'blended', 'self_paced', 'in_house'] as const;
export type OfferFormat = (typeof OFFER_FORMATS)[number];

/** Vollzeit, Teilzeit, abends, am Wochenende, frei einteilbar. */
export const COURSE_SCHEDULES = ['full_time', 'part_time', 'evening', 'weekend', 'flexible'] as const;
export type CourseSchedule = (typeof COURSE_SCHEDULES)[number];

export const OFFER_TARGET_GROUPS = [
  'apprentices',
  'employees',
  'unskilled',
  'refugees_migrants',
  'returners',
  'disadvantaged_youth',
  'job_seekers',
  'managers',
] as const;
export type OfferTargetGroup = (typeof OFFER_TARGET_GROUPS)[number];

/** `YYYY-MM-DD` (a calendar day in Germany, no time zone). */
export const COURSE_DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class VenueV1 {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @Length(1, 200) street?: string;
  @IsPostalCode() postalCode!: string;
  @IsString() @Length(1, 120) city!: string;
  @ValidateNested() @Type(() => GeoPointV1) location!: GeoPointV1;
  @IsDistrictKey() districtKey!: string;
}

/** A Termin: one run of the offer. Online dates have no venue and are reachable from anywhere. */
export class CourseDateV1 {
  @IsUUID() id!: string;
  @Matches(COURSE_DAY_PATTERN) startDate!: string;
  @Matches(COURSE_DAY_PATTERN) endDate!: string;
  @IsIn(COURSE_SCHEDULES) schedule!: CourseSchedule;
  /** Free text such as "Mo–Fr 8–16 Uhr". */
  @IsOptional() @IsString() @Length(1, 300) scheduleNote?: string;
  @IsBoolean() online!: boolean;
  @IsOptional() @ValidateNested() @Type(() => VenueV1) venue?: VenueV1;
  /** The course runs only when this many take part (0: runs regardless). */
  @IsInt() @Min(0) minParticipants!: number;
  @IsInt() @Min(1) maxParticipants!: number;
  /** Seats already held (bookings confirmed through matching or entered by the provider). */
  @IsInt() @Min(0) seatsTaken!: number;
  @IsInt() @Min(0) seatsFree!: number;
  @IsOptional() @Matches(COURSE_DAY_PATTERN) registrationDeadline?: string;
}

/**
 * An Angebot with all its dates: consumers (matching, regional portals) build their read models
 * from these events alone.
 */
export class OfferSnapshotV1 {
  @IsUUID() id!: string;
  @IsInt() @Min(1) version!: number;
  @IsUUID() providerId!: string;
  @IsString() @Length(1, 300) providerName!: string;
  @IsIn(OFFER_STATUSES) status!: OfferStatus;
  @IsString() @Length(1, 300) title!: string;
  @IsString() @Length(0, 20000) description!: string;
  /** ESCO skill URIs taught. */
  @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsString({ each: true }) skills!: string[];
  /** KldB 2010 code of the target occupation (up to 5 digits). */
  @IsOptional() @Matches(/^\d{1,5}$/) occupationKldb?: string;
  /** ESCO occupation URI, where known. */
  @IsOptional() @IsString() @Length(1, 300) occupationEsco?: string;
  @IsOptional() @IsString() @Length(1, 300) certificate?: string;
  @IsOptional() @IsInt() @Min(1) @Max(8) dqrLevel?: number;
  @IsInt() @Min(1) hours!: number;
  @IsArray() @ArrayUnique() @IsIn(OFFER_FORMATS, { each: true }) formats!: OfferFormat[];
  /** ISO 639-1 code of the teaching language. */
  @Matches(/^[a-z]{2}$/) language!: string;
  @IsArray() @ArrayUnique() @IsIn(OFFER_TARGET_GROUPS, { each: true }) targetGroups!: OfferTargetGroup[];
  /** Accessibility features in plain words (barrierefreier Zugang, Gebärdensprache …). */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) accessibility!: string[];
  /** Course fee per participant in euro cents (0 = free). */
  @IsInt() @Min(0) priceCents!: number;
  /** Course approved under AZAV (Maßnahmezulassung). */
  @IsBoolean() azavApproved!: boolean;
  @IsOptional() @IsString() @Length(1, 40) measureNumber?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CourseDateV1) dates!: CourseDateV1[];
  @IsOptional() @IsDateString() publishedAt?: string;
}
