import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export const PROGRAMME_STATUSES = ['active', 'retired'] as const;

/**
 * A funding programme (Förderprogramm) with its full rule set as data. The rule set's shape is
 * the one `@bildungsraum/funding` evaluates (`validateProgramme`); the contract keeps it an object
 * so that consumers can evaluate it with the same library.
 */
export class ProgrammeSnapshotV1 {
  /** Stable slug, e.g. `sgb3-82-2024`. */
  @Matches(/^[a-z0-9][a-z0-9-]{1,79}$/) id!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() @Length(1, 300) name!: string;
  @IsIn(PROGRAMME_STATUSES) status!: (typeof PROGRAMME_STATUSES)[number];
  /** `federal` or a state / region the operator names. */
  @IsString() @Length(1, 80) scope!: string;
  /** Seeded from the platform's federal programmes (operators may still edit them). */
  @IsBoolean() seeded!: boolean;
  @IsOptional() @IsString() @Length(1, 40) validFrom?: string;
  @IsObject() ruleSet!: Record<string, unknown>;
}

export class ProgrammePublishedV1 extends ProgrammeSnapshotV1 {}
export class ProgrammeUpdatedV1 extends ProgrammeSnapshotV1 {}

export const ProgrammePublished = defineEvent({
  type: 'catalogue.programme.published.v1',
  service: 'catalogue',
  aggregate: 'programme',
  payload: ProgrammePublishedV1,
  summary: 'Förderprogramm mit Regelwerk angelegt / funding programme with its rule set published',
});

export const ProgrammeUpdated = defineEvent({
  type: 'catalogue.programme.updated.v1',
  service: 'catalogue',
  aggregate: 'programme',
  payload: ProgrammeUpdatedV1,
  summary: 'Förderprogramm oder Regelwerk geändert / funding programme or rule set changed',
});
