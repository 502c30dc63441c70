import { Type } from 'class-transformer';
import {
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
  Min,
  ValidateNested,
} from 'class-validator';
import { GeoPointV1, IsDistrictKey, IsPostalCode } from '../../shared/value-types';

/** Kinds of organisation (DOMAIN.md "Who is involved"). */
export const PARTNER_KINDS = [
  'company',
  'provider',
  'school',
  'chamber',
  'employment_agency',
  'economic_development_agency',
  'coordinating_body',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_STATUSES = ['pending', 'verified', 'rejected', 'deactivated'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

/** EU size classes: KKU < 50 staff (micro < 10, small < 50), KMU < 250, large from 250. */
export const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export class CompanyFactsV1 {
  /** Head count; the funding rules of § 82 SGB III band by it. */
  @IsInt() @Min(0) employees!: number;
  @IsIn(SIZE_CLASSES) sizeClass!: SizeClass;
  /** WZ 2008 section or class code, e.g. `C` or `25.62`. */
  @IsOptional() @IsString() @Matches(/^[A-U](\d{2}(\.\d{1,2})?)?$|^\d{2}(\.\d{1,2}){0,2}$/) sector?: string;
}

export class ProviderFactsV1 {
  /** Carrier approval under AZAV (Trägerzulassung). */
  @IsBoolean() azavApproved!: boolean;
  @IsOptional() @IsDateString() azavValidUntil?: string;
}

export class PartnerSiteV1 {
  @IsUUID() id!: string;
  @IsString() @Length(1, 200) label!: string;
  @IsOptional() @IsString() @Length(1, 200) street?: string;
  @IsPostalCode() postalCode!: string;
  @IsString() @Length(1, 120) city!: string;
  @IsOptional() @ValidateNested() @Type(() => GeoPointV1) location?: GeoPointV1;
  @IsOptional() @IsDistrictKey() districtKey?: string;
}

/**
 * What every consumer needs to know of an organisation, and nothing personal: contact persons
 * and users stay in the partners service, where they can be erased.
 */
export class PartnerSnapshotV1 {
  @IsUUID() id!: string;
  /** Aggregate version, +1 per change; consumers ignore versions older than the one they hold. */
  @IsInt() @Min(1) version!: number;
  @IsIn(PARTNER_KINDS) kind!: PartnerKind;
  @IsString() @Length(1, 300) name!: string;
  @IsIn(PARTNER_STATUSES) status!: PartnerStatus;
  @IsOptional() @ValidateNested() @Type(() => CompanyFactsV1) company?: CompanyFactsV1;
  @IsOptional() @ValidateNested() @Type(() => ProviderFactsV1) provider?: ProviderFactsV1;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PartnerSiteV1) sites!: PartnerSiteV1[];
  /** Districts of the organisation's sites. */
  @IsArray() @ArrayUnique() @Matches(/^\d{5}$/, { each: true }) districtKeys!: string[];
  /** Networks the organisation is a member of. */
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) networkIds!: string[];
}
