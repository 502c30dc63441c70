/** The shapes of the evaluation set's JSON files (eval/, eval/heldout/, eval/fresh/). */
import { NeedSnapshotV1, OfferSnapshotV1 } from '@bildungsraum/contracts';

export interface EvalProvider { key: string; name: string; azavApproved: boolean }
export interface EvalDate {
  startInDays: number;
  lengthDays: number;
  schedule: OfferSnapshotV1['dates'][number]['schedule'];
  online: boolean;
  minParticipants: number;
  maxParticipants: number;
  seatsTaken: number;
  venue?: { name: string; street: string; postalCode: string };
}
export interface EvalOffer {
  id: string;
  provider: string;
  topic: string;
  title: string;
  description: string;
  skills: string[];
  dqrLevel?: number;
  hours: number;
  priceEuro: number;
  azavApproved: boolean;
  formats: OfferSnapshotV1['formats'];
  language: string;
  targetGroups: OfferSnapshotV1['targetGroups'];
  date: EvalDate;
}
export interface KursnetRef { id: string; kursnetId: number; topic: string; skills: string[]; startInDays: number }
export interface EvalCompany { key: string; name: string; postalCode: string; employees: number }
export interface EvalNeed {
  id: string;
  company: string;
  description: string;
  skillUris: string[];
  participants: number;
  targetGroups: NeedSnapshotV1['targetGroups'];
  participantsAged45Plus: number;
  language: string;
  jobSpecificGerman: boolean;
  formats: NeedSnapshotV1['formats'];
  schedules: NeedSnapshotV1['schedules'];
  earliestStartInDays: number;
  latestEndInDays: number;
  dqrLevel?: number;
  maxTravelKm?: number;
  budgetPerParticipantEuro?: number;
  /** Occupation as picked by the coordinator (most needs have only text); severely disabled participants, 0 if not given. */
  kldbCode?: string;
  occupationUri?: string;
  participantsSeverelyDisabled?: number;
}
export interface Judgement { need: string; offer: string; grade: number; why?: string }
export interface ExpectedGap { district: string; group: string; needs: string[]; skillUris: string[] }
export interface ExpectedBundle { group: string; needs: string[] }
