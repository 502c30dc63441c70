import type { StateCode } from '../region/states';
import type { Text } from './text';

/**
 * Who a participant is, as a funding rule asks it. `employed` and `jobSeeker` facts of a
 * participant count as `employees` and `job-seekers`; other groups come from the data.
 * Operators may use further codes; these are the ones the texts know.
 */
export const KNOWN_TARGET_GROUPS = {
  employees: { de: 'Beschäftigte', en: 'employees' },
  'job-seekers': { de: 'Arbeitsuchende', en: 'job seekers' },
  apprentices: { de: 'Auszubildende', en: 'apprentices' },
  'low-skilled': { de: 'Un- und Angelernte', en: 'unskilled and semi-skilled workers' },
  'refugees-migrants': { de: 'Geflüchtete/Zugewanderte', en: 'refugees and migrants' },
  returners: { de: 'Berufsrückkehrende', en: 'people returning to work' },
  'disadvantaged-youth': { de: 'lernschwache Jugendliche', en: 'young people with learning difficulties' },
} as const satisfies Record<string, Text>;

/** Fields every condition may carry. */
interface ConditionBase {
  /**
   * Operator wording of the condition (e.g. "Bildungsurlaubsgesetz im Land des Betriebs");
   * the reason then reads "<label>: erfüllt / nicht erfüllt / zu prüfen".
   */
  label?: Text;
}

/** Head count of the company (Betrieb), both ends inclusive. */
export interface CompanyHeadCountCondition extends ConditionBase {
  type: 'companyHeadCount';
  min?: number;
  max?: number;
}

/** Company seat in one of these Länder or districts (5-digit AGS). */
export interface CompanyRegionCondition extends ConditionBase {
  type: 'companyRegion';
  states?: StateCode[];
  districtKeys?: string[];
}

/** The company has a works agreement or collective agreement on the qualification. */
export interface CompanyAgreementCondition extends ConditionBase {
  type: 'companyAgreement';
}

/**
 * Share of staff affected by structural change (Qualifizierungsgeld): the band with the highest
 * `fromHeadCount` not above the company's head count sets the minimum percentage.
 */
export interface AffectedStaffShareCondition extends ConditionBase {
  type: 'affectedStaffShare';
  bands: { fromHeadCount: number; minPercent: number }[];
}

/** Course length in hours: `greaterThan` is exclusive (§ 82: "mehr als 120 Stunden"), the others inclusive. */
export interface CourseHoursCondition extends ConditionBase {
  type: 'courseHours';
  greaterThan?: number;
  atLeast?: number;
  atMost?: number;
}

/** The course (Maßnahme) is AZAV-approved; optionally its Maßnahmenummer must be known. */
export interface CourseAzavCondition extends ConditionBase {
  type: 'courseAzav';
  requireMeasureNumber?: boolean;
}

/** The provider (Träger) is AZAV-approved. */
export interface ProviderAzavCondition extends ConditionBase {
  type: 'providerAzav';
}

/** The course is meant for one of these target groups. */
export interface CourseTargetGroupCondition extends ConditionBase {
  type: 'courseTargetGroup';
  anyOf: string[];
}

/** The participant belongs to one of these target groups. */
export interface ParticipantTargetGroupCondition extends ConditionBase {
  type: 'participantTargetGroup';
  anyOf: string[];
}

/** The participant is at least this old at course start. */
export interface ParticipantAgeCondition extends ConditionBase {
  type: 'participantAge';
  atLeast?: number;
  atMost?: number;
}

/** The participant is severely disabled (§ 2 Abs. 2 SGB IX) or treated as such. */
export interface ParticipantSeverelyDisabledCondition extends ConditionBase {
  type: 'participantSeverelyDisabled';
}

/** Not funded under these programmes (default: this one) within the last N years before course start. */
export interface NotFundedWithinYearsCondition extends ConditionBase {
  type: 'notFundedWithinYears';
  years: number;
  programmeIds?: string[];
}

/** The participant's vocational qualification was obtained at least N years before course start. */
export interface QualificationAgeCondition extends ConditionBase {
  type: 'qualificationAtLeastYearsAgo';
  years: number;
}

/** All (or any) of the nested conditions; for "aged 45+ or severely disabled". */
export interface AllOfCondition extends ConditionBase {
  type: 'allOf';
  conditions: Condition[];
}
export interface AnyOfCondition extends ConditionBase {
  type: 'anyOf';
  conditions: Condition[];
}

/** The rule language: one serialisable object per condition, told apart by `type`. */
export type Condition =
  | CompanyHeadCountCondition
  | CompanyRegionCondition
  | CompanyAgreementCondition
  | AffectedStaffShareCondition
  | CourseHoursCondition
  | CourseAzavCondition
  | ProviderAzavCondition
  | CourseTargetGroupCondition
  | ParticipantTargetGroupCondition
  | ParticipantAgeCondition
  | ParticipantSeverelyDisabledCondition
  | NotFundedWithinYearsCondition
  | QualificationAgeCondition
  | AllOfCondition
  | AnyOfCondition;

export type ConditionType = Condition['type'];

/** Conditions about a single participant; they are evaluated per participant group. */
export const PARTICIPANT_CONDITION_TYPES: readonly ConditionType[] = [
  'participantTargetGroup',
  'participantAge',
  'participantSeverelyDisabled',
  'notFundedWithinYears',
  'qualificationAtLeastYearsAgo',
];

/** Whether a condition (or one nested in it) asks about a participant. */
export function isParticipantCondition(condition: Condition): boolean {
  if (condition.type === 'allOf' || condition.type === 'anyOf') return condition.conditions.some(isParticipantCondition);
  return PARTICIPANT_CONDITION_TYPES.includes(condition.type);
}
