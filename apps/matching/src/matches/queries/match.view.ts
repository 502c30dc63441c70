import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { MatchSnapshotV1 } from '@bildungsraum/contracts';
import { MatchRecord } from '../infra/match.repository';

/** A match as the API shows it: the event payload plus the last reason given. */
export class MatchView extends MatchSnapshotV1 {
  @IsOptional() @IsString() reason?: string;
}

export class EvidenceView {
  @IsString() term!: string;
  @IsString() matchedLabel!: string;
  @IsOptional() @IsString() via?: string;
}

/** A skill read from the need's text, with the words that led to it. */
export class TextSkillView {
  @IsString() uri!: string;
  @IsString() label!: string;
  @IsNumber() confidence!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => EvidenceView) evidence!: EvidenceView[];
}

export class SkillCorrectionsView {
  @IsArray() @IsString({ each: true }) confirmed!: string[];
  @IsArray() @IsString({ each: true }) removed!: string[];
  @IsArray() @IsString({ each: true }) added!: string[];
}

export class NeedMatchesView {
  @IsUUID() needId!: string;
  @IsInt() needVersion!: number;
  /** ESCO URIs the company gave. */
  @IsArray() @IsString({ each: true }) givenSkillUris!: string[];
  /** Skills read from the company's own words. */
  @IsArray() @ValidateNested({ each: true }) @Type(() => TextSkillView) textSkills!: TextSkillView[];
  /** Corrections by the company or its coordinators (confirmed / removed / added skills). */
  @ValidateNested() @Type(() => SkillCorrectionsView) skillCorrections!: SkillCorrectionsView;
  /** The skills the need is matched on now. */
  @IsArray() @IsString({ each: true }) matchedOnSkillUris!: string[];
  /** Current proposals and answered ones, best first (withdrawn ones left out). */
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchView) matches!: MatchView[];
}

export const toMatchView = (match: MatchRecord): MatchView => ({ ...match });
