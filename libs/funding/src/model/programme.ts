import type { Condition } from './condition';
import type { Text } from './text';

/** What a programme gives. */
export const PROGRAMME_KINDS = ['course-fee-share', 'wage-subsidy', 'wage-replacement', 'voucher', 'leave-entitlement'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** A percentage for companies whose head count lies in [minHeadCount, maxHeadCount] (inclusive; no max = open). */
export interface HeadCountBand {
  minHeadCount: number;
  maxHeadCount?: number;
  percent: number;
}

/**
 * A share of the course fee (Lehrgangskosten) by company size. `share` says whose share the band
 * percentages are: the employer's own share (§ 82 since 2024: the agency pays the rest) or the
 * programme's share (§ 82 before 2024: the company pays the rest).
 */
export interface CourseFeeShareBenefit {
  type: 'courseFeeShare';
  share: 'employer' | 'programme';
  bands: HeadCountBand[];
  /** Cases in which the employer pays nothing (all conditions of one waiver met). */
  waivers?: { when: Condition[]; label: Text }[];
  /** Most the programme pays per participant, in euro cents. */
  maxCentsPerParticipant?: number;
}

/** The full course fee (Bildungsgutschein). */
export interface CourseFeeCoverageBenefit {
  type: 'courseFeeCoverage';
  percent: number;
  maxCentsPerParticipant?: number;
}

/**
 * Subsidy to the wage paid during the course (Arbeitsentgeltzuschuss). The rates are operators'
 * data: without bands the result says that a subsidy exists but computes no amount.
 */
export interface WageSubsidyBenefit {
  type: 'wageSubsidy';
  bands?: HeadCountBand[];
  note?: Text;
}

/** Replacement of lost net pay (Qualifizierungsgeld): 60 %, 67 % with a child. */
export interface WageReplacementBenefit {
  type: 'wageReplacement';
  percentOfLostNetPay: number;
  percentWithChild: number;
}

/** Paid leave for education (Bildungsurlaub). */
export interface LeaveEntitlementBenefit {
  type: 'leaveEntitlement';
  daysPerYear: number;
  note?: Text;
}

export type Benefit =
  | CourseFeeShareBenefit
  | CourseFeeCoverageBenefit
  | WageSubsidyBenefit
  | WageReplacementBenefit
  | LeaveEntitlementBenefit;

/** One version of a programme's rules, in force from `validFrom` to `validUntil` (ISO dates, both inclusive). */
export interface RuleSetVersion {
  validFrom: string;
  validUntil?: string;
  conditions: Condition[];
  benefits: Benefit[];
  /** What changed or what operators should know about this version. */
  note?: Text;
}

/** A funding programme as data: operators maintain these, the code only evaluates them. */
export interface FundingProgramme {
  /** Stable identifier, e.g. `sgb3-82`. */
  id: string;
  name: Text;
  /** Short citation used in texts, e.g. "§ 82 SGB III". */
  legalBasis: Text;
  kind: ProgrammeKind;
  versions: RuleSetVersion[];
  /** Programmes that cannot be combined with this one for the same participant (read both ways). */
  notCombinableWith?: string[];
  /** Pays only what remains after the non-subsidiary programmes of a combination (nachrangig). */
  subsidiary?: boolean;
  /** Example data for operators to edit, not authoritative. */
  example?: boolean;
  /** Where the rules come from (statute, guideline). */
  sources?: string[];
}
