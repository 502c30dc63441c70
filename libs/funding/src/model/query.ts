import type { ProgrammeKind } from './programme';
import type { Text } from './text';

/** A participant's facts as far as they are known; a missing fact makes a rule "to be checked". */
export interface ParticipantFacts {
  /** Age at course start. */
  age?: number;
  severelyDisabled?: boolean;
  employed?: boolean;
  jobSeeker?: boolean;
  /** Further target groups (codes as in KNOWN_TARGET_GROUPS). */
  targetGroups?: string[];
  /** Whole years since the vocational qualification was obtained. */
  qualificationYearsAgo?: number;
  /** Earlier funded courses; `date` is an ISO date (course start). */
  lastFundedUnder?: { programmeId: string; date: string }[];
  /** Monthly net pay lost during the course, in euro cents (Qualifizierungsgeld). */
  lostNetPayCents?: number;
  hasChild?: boolean;
}

/** Participants with identical facts, counted; a single person is a group of one. */
export interface ParticipantGroup extends ParticipantFacts {
  count?: number;
}

export interface CompanyFacts {
  /** Staff of the Betrieb; § 82 bands by it. */
  headCount: number;
  /** 5-digit Kreis key (AGS) of the company's seat; its first two digits name the Land. */
  districtKey?: string;
  /** Staff whose jobs are affected by structural change (Qualifizierungsgeld). */
  staffAffectedByStructuralChange?: number;
  /** Works agreement or collective agreement on the qualification exists. */
  hasQualificationAgreement?: boolean;
}

export interface CourseFacts {
  hours: number;
  /** Course fee per participant, in euro cents. */
  priceCents: number;
  azavApproved: boolean;
  /** Maßnahmenummer of the AZAV approval. */
  measureNumber?: string;
  providerAzavApproved: boolean;
  /** ISO date (YYYY-MM-DD) of the course start. */
  startDate?: string;
  targetGroups?: string[];
}

export interface FundingQuery {
  company: CompanyFacts;
  participants: ParticipantGroup[];
  course: CourseFacts;
  /** Evaluation date (ISO date or Date); decides the rule version only when the course has no start date. Default: today. */
  on?: string | Date;
}

export type ReasonStatus = 'met' | 'unmet' | 'unknown';

/** One checked condition or one benefit rule, with a short bilingual text for a coordinator. */
export interface Reason {
  status: ReasonStatus;
  text: Text;
  /** Index of the participant group the reason is about; absent for company and course rules. */
  group?: number;
}

/** The money for one participant group; amounts per participant unless named total. */
export interface GroupMoney {
  group: number;
  count: number;
  eligible: boolean;
  coursePriceCents: number;
  /** Share of the course fee the programme pays, in percent (0 when not eligible). */
  programmeSharePercent: number;
  maxCentsPerParticipant?: number;
  programmePaysCents: number;
  companyPaysCents: number;
  /** Qualifizierungsgeld per month, when lost net pay is known. */
  wageReplacementCentsPerMonth?: number;
}

export interface MoneyTotals {
  participants: number;
  coursePriceCents: number;
  programmePaysCents: number;
  companyPaysCents: number;
}

export interface ProgrammeEvaluation {
  programmeId: string;
  name: Text;
  legalBasis: Text;
  kind: ProgrammeKind;
  example: boolean;
  /** No condition is unmet for the company, the course and at least one participant. */
  applies: boolean;
  /** Some condition could not be checked for lack of facts; applies only if those hold. */
  toVerify: boolean;
  /** The rule-set version used, or none when no version was in force on the reference date. */
  version?: { validFrom: string; validUntil?: string };
  reasons: Reason[];
  groups: GroupMoney[];
  totals: MoneyTotals;
  /** Other benefits of the programme in words (wage subsidy, leave days, wage replacement). */
  otherBenefits: Text[];
  notCombinableWith: string[];
  subsidiary: boolean;
}

export interface FundingResult {
  /** The date whose rule versions were used (course start, else evaluation date). */
  referenceDate: string;
  /** Where the reference date came from. */
  referenceDateFrom: 'courseStart' | 'evaluationDate';
  /** Course fee per participant, in euro cents. */
  coursePriceCents: number;
  /** Head count of each participant group, in query order. */
  participantCounts: number[];
  programmes: ProgrammeEvaluation[];
}
