import { NeedWord, OfferWords } from './text-relevance';

/** A skill the need asks for: given by the company (weight 1) or read from its text (weight = confidence). */
export interface NeedSkill {
  uri: string;
  weight: number;
  source: 'given' | 'text' | 'added';
}

/** What scoring needs to know of a need (from needs.need.* events). */
export interface NeedFacts {
  skills: NeedSkill[];
  participants: number;
  dqrLevel?: number;
  language: string;
  /** Need vocabulary: in_person, online_live, blended, self_paced, in_house; empty = any. */
  formats: readonly string[];
  /** full_time, part_time, evenings, weekends; empty = any. */
  schedules: readonly string[];
  targetGroups: readonly string[];
  earliestStart?: string;
  latestEnd?: string;
  radiusKm: number;
  budgetPerParticipantCents?: number;
  /** The words of the need's own text, compared with offer titles and descriptions (text-relevance.ts). */
  words: readonly NeedWord[];
}

/** One course date of an offer as a candidate for a need. */
export interface CandidateFacts {
  skillUris: readonly string[];
  dqrLevel?: number;
  language: string;
  /** Offer vocabulary: presence, online_live, blended, self_paced, in_house. */
  formats: readonly string[];
  targetGroups: readonly string[];
  startDate: string;
  endDate: string;
  /** full_time, part_time, evening, weekend, flexible. */
  schedule: string;
  online: boolean;
  /** Kilometres from the need's site to the venue; absent for online dates. */
  distanceKm?: number;
  seatsFree: number;
  /** What the company pays per participant after funding (see company-cost.ts). */
  companyCostPerParticipantCents: number;
  /** One line on that cost, e.g. "Eigenanteil 0 € nach § 82 SGB III". */
  costNote: { de: string; en: string };
  /** The offer's title and description as words (text-relevance.ts). */
  text: OfferWords;
}

export type ExclusionReason = 'date_passed' | 'outside_window' | 'no_seats' | 'format_refused' | 'unreachable' | 'no_skill_overlap';
