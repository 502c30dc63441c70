import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COURSE_DAY_PATTERN,
  COURSE_SCHEDULES,
  CourseSchedule,
  IsPostalCode,
  OFFER_FORMATS,
  OFFER_TARGET_GROUPS,
  OfferFormat,
  OfferTargetGroup,
} from '@bildungsraum/contracts';

export class GeoPointRequest {
  @IsLatitude() lat!: number;
  @IsLongitude() lon!: number;
}

export class VenueRequest {
  @IsOptional() @IsString() @Length(1, 200) name?: string;
  @IsOptional() @IsString() @Length(1, 200) street?: string;
  @IsPostalCode() postalCode!: string;
  @IsString() @Length(1, 120) city!: string;
  @IsOptional() @ValidateNested() @Type(() => GeoPointRequest) location?: GeoPointRequest;
}

/** A Termin as the provider states it; seats taken start at 0 unless stated (bookings made elsewhere). */
export class CourseDateRequest {
  @Matches(COURSE_DAY_PATTERN, { message: 'startDate must be YYYY-MM-DD' }) startDate!: string;
  @Matches(COURSE_DAY_PATTERN, { message: 'endDate must be YYYY-MM-DD' }) endDate!: string;
  @IsIn(COURSE_SCHEDULES) schedule!: CourseSchedule;
  @IsOptional() @IsString() @Length(1, 300) scheduleNote?: string;
  @IsBoolean() online!: boolean;
  @IsOptional() @ValidateNested() @Type(() => VenueRequest) venue?: VenueRequest;
  @IsInt() @Min(0) @Max(10000) minParticipants!: number;
  @IsInt() @Min(1) @Max(10000) maxParticipants!: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) seatsTaken?: number;
  @IsOptional() @Matches(COURSE_DAY_PATTERN, { message: 'registrationDeadline must be YYYY-MM-DD' }) registrationDeadline?: string;
}

export class UpdateCourseDateRequest {
  @IsOptional() @Matches(COURSE_DAY_PATTERN) startDate?: string;
  @IsOptional() @Matches(COURSE_DAY_PATTERN) endDate?: string;
  @IsOptional() @IsIn(COURSE_SCHEDULES) schedule?: CourseSchedule;
  @IsOptional() @IsString() @Length(1, 300) scheduleNote?: string;
  @IsOptional() @IsInt() @Min(0) @Max(10000) minParticipants?: number;
  @IsOptional() @IsInt() @Min(1) @Max(10000) maxParticipants?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10000) seatsTaken?: number;
  @IsOptional() @Matches(COURSE_DAY_PATTERN) registrationDeadline?: string;
}

const ESCO_URI = { require_tld: true, protocols: ['http', 'https'], require_protocol: true };

/** Content fields shared by create and update (title, hours and formats differ: required on create). */
export class OfferDetailsRequest {
  @IsOptional() @IsString() @Length(0, 20000) description?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(100) @ArrayUnique() @IsUrl(ESCO_URI, { each: true }) skills?: string[];
  @IsOptional() @Matches(/^\d{1,5}$/, { message: 'occupationKldb must be a KldB 2010 code (1–5 digits)' }) occupationKldb?: string;
  @IsOptional() @IsUrl(ESCO_URI) occupationEsco?: string;
  @IsOptional() @IsString() @Length(1, 300) certificate?: string;
  @IsOptional() @IsInt() @Min(1) @Max(8) dqrLevel?: number;
  @IsOptional() @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code' }) language?: string;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(OFFER_TARGET_GROUPS, { each: true }) targetGroups?: OfferTargetGroup[];
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) accessibility?: string[];
  @IsOptional() @IsInt() @Min(0) @Max(100_000_000) priceCents?: number;
  @IsOptional() @IsBoolean() azavApproved?: boolean;
  @IsOptional() @IsString() @Length(1, 40) measureNumber?: string;
}

export class CreateOfferRequest extends OfferDetailsRequest {
  @IsString() @Length(1, 300) title!: string;
  @IsInt() @Min(1) @Max(10000) hours!: number;
  @IsArray() @ArrayUnique() @IsIn(OFFER_FORMATS, { each: true }) formats!: OfferFormat[];
  /** Operators create on behalf of a provider; providers always for their own organisation. */
  @IsOptional() @IsUUID() providerId?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CourseDateRequest) dates?: CourseDateRequest[];
}

export class UpdateOfferRequest extends OfferDetailsRequest {
  @IsOptional() @IsString() @Length(1, 300) title?: string;
  @IsOptional() @IsInt() @Min(1) @Max(10000) hours?: number;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(OFFER_FORMATS, { each: true }) formats?: OfferFormat[];
}

export class WithdrawOfferRequest {
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}
