import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BundledNeedV1 {
  @IsUUID() needId!: string;
  @IsUUID() companyId!: string;
  @IsInt() @Min(1) participants!: number;
}

/** Needs of several companies that one course could serve together (DOMAIN.md "Bündel"). */
export class BundleSnapshotV1 {
  @IsUUID() id!: string;
  @IsInt() @Min(1) version!: number;
  @IsIn(['forming', 'viable', 'dissolved']) status!: 'forming' | 'viable' | 'dissolved';
  @IsArray() @ArrayUnique() @IsString({ each: true }) skillUris!: string[];
  @IsArray() @ArrayUnique() @Matches(/^\d{5}$/, { each: true }) districtKeys!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => BundledNeedV1) needs!: BundledNeedV1[];
  @IsInt() @Min(0) totalParticipants!: number;
  /** The course date the bundle is proposed for, when one is reachable; none = demand for a new course. */
  @IsOptional() @IsUUID() offerId?: string;
  @IsOptional() @IsUUID() courseDateId?: string;
  @IsOptional() @IsUUID() providerId?: string;
  @IsOptional() @IsInt() @Min(1) minParticipants?: number;
}

export class BundleFormedV1 extends BundleSnapshotV1 {}
export class BundleUpdatedV1 extends BundleSnapshotV1 {}
export class BundleDissolvedV1 extends BundleSnapshotV1 {}

export class SkillGroupLabelV1 {
  @IsOptional() @IsString() de?: string;
  @IsOptional() @IsString() en?: string;
}

/** Demand in a district for which no reachable offer exists ("kein ortsnahes Angebot"). */
export class GapSnapshotV1 {
  @IsUUID() id!: string;
  @IsInt() @Min(1) version!: number;
  @IsIn(['open', 'closed']) status!: 'open' | 'closed';
  @Matches(/^\d{5}$/) districtKey!: string;
  /** Name of the district ("Waldeck-Frankenberg"); absent when matching has no district list (older events: none). */
  @IsOptional() @IsString() districtName?: string;
  /** Kind of district ("Landkreis", "Kreisfreie Stadt"), for a readable "Landkreis Waldeck-Frankenberg". */
  @IsOptional() @IsString() districtKind?: string;
  /**
   * Skill group the demand is about: the ESCO skill group (or broader skill) the needs' core skills
   * belong to, else the skill itself (older events: always the skill).
   */
  @IsString() skillGroup!: string;
  /** ESCO labels of the skill group (German where ESCO has one); absent when not in the taxonomy. */
  @IsOptional() @ValidateNested() @Type(() => SkillGroupLabelV1) skillGroupLabel?: SkillGroupLabelV1;
  /** The needs' skills in the group. */
  @IsArray() @ArrayUnique() @IsString({ each: true }) skillUris!: string[];
  @IsArray() @ArrayUnique() @IsString({ each: true }) targetGroups!: string[];
  @IsInt() @Min(0) participants!: number;
  @IsInt() @Min(0) companies!: number;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) needIds!: string[];
}

export class GapDetectedV1 extends GapSnapshotV1 {}
export class GapClosedV1 extends GapSnapshotV1 {}

export const BundleFormed = defineEvent({ type: 'matching.bundle.formed.v1', service: 'matching', aggregate: 'bundle', payload: BundleFormedV1, summary: 'Bündel aus Bedarfen mehrerer Unternehmen gebildet / bundle of several companies’ needs formed' });
export const BundleUpdated = defineEvent({ type: 'matching.bundle.updated.v1', service: 'matching', aggregate: 'bundle', payload: BundleUpdatedV1, summary: 'Bündel geändert (Bedarfe, Teilnehmende, Termin) / bundle changed' });
export const BundleDissolved = defineEvent({ type: 'matching.bundle.dissolved.v1', service: 'matching', aggregate: 'bundle', payload: BundleDissolvedV1, summary: 'Bündel aufgelöst – mit den Bedarfen, die es zuletzt hatte / bundle dissolved – with the needs it last had' });
export const GapDetected = defineEvent({ type: 'matching.gap.detected.v1', service: 'matching', aggregate: 'gap', payload: GapDetectedV1, summary: 'Angebotslücke erkannt: Bedarf ohne erreichbares Angebot / gap detected: demand without a reachable offer' });
export const GapClosed = defineEvent({ type: 'matching.gap.closed.v1', service: 'matching', aggregate: 'gap', payload: GapClosedV1, summary: 'Angebotslücke geschlossen / gap closed' });
