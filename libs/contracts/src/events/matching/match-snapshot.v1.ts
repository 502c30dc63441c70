import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const MATCH_STATUSES = ['proposed', 'accepted', 'declined', 'confirmed', 'rejected', 'withdrawn'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Named scoring criteria; weights are configuration, contributions are stored per match. */
export const MATCH_CRITERIA = [
  'skills',
  'level',
  'dates',
  'distance',
  'format',
  'schedule',
  'language',
  'target_group',
  'price',
  /** The offer's title and description answer the need's own words (text relevance). */
  'title',
] as const;
export type MatchCriterion = (typeof MATCH_CRITERIA)[number];

export class BilingualTextV1 {
  @IsString() @Length(1, 2000) de!: string;
  @IsString() @Length(1, 2000) en!: string;
}

export class MatchCriterionScoreV1 {
  @IsIn(MATCH_CRITERIA) criterion!: MatchCriterion;
  /** 0–1: how well this criterion is met. */
  @IsNumber() @Min(0) @Max(1) value!: number;
  @IsNumber() @Min(0) weight!: number;
  /** value × weight, normalised so that all contributions sum to the score. */
  @IsNumber() @Min(0) @Max(1) contribution!: number;
}

/** A need and a course date that fit, with score and reasons (DOMAIN.md "Match"). */
export class MatchSnapshotV1 {
  @IsUUID() id!: string;
  @IsInt() @Min(1) version!: number;
  @IsIn(MATCH_STATUSES) status!: MatchStatus;
  @IsUUID() needId!: string;
  @IsUUID() companyId!: string;
  @IsUUID() offerId!: string;
  @IsUUID() courseDateId!: string;
  @IsUUID() providerId!: string;
  /** Participants of the need this match is for (seats a confirmation holds). */
  @IsInt() @Min(1) participants!: number;
  @IsNumber() @Min(0) @Max(1) score!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchCriterionScoreV1) criteria!: MatchCriterionScoreV1[];
  @ValidateNested() @Type(() => BilingualTextV1) explanation!: BilingualTextV1;
  /** What the company pays per participant after funding, in euro cents. */
  @IsOptional() @IsInt() @Min(0) companyCostPerParticipantCents?: number;
  @IsOptional() @IsArray() @IsString({ each: true }) fundingProgrammeIds?: string[];
  /** Set when the match was proposed for a bundle of several companies' needs. */
  @IsOptional() @IsUUID() bundleId?: string;
}
