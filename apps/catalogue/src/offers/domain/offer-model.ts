import type { CourseSchedule, OfferFormat, OfferStatus, OfferTargetGroup } from '@bildungsraum/contracts';

/** What a provider states about an offer (Angebot), without lifecycle or dates. */
export interface OfferContent {
  title: string;
  description: string;
  skills: string[];
  occupationKldb?: string;
  occupationEsco?: string;
  certificate?: string;
  dqrLevel?: number;
  hours: number;
  formats: OfferFormat[];
  language: string;
  targetGroups: OfferTargetGroup[];
  accessibility: string[];
  priceCents: number;
  azavApproved: boolean;
  measureNumber?: string;
}

export interface Venue {
  name?: string;
  street?: string;
  postalCode: string;
  city: string;
  location: { lat: number; lon: number };
  districtKey: string;
}

/** A Termin. Dates are calendar days (`YYYY-MM-DD`), compared as strings. */
export interface CourseDate {
  id: string;
  startDate: string;
  endDate: string;
  schedule: CourseSchedule;
  scheduleNote?: string;
  online: boolean;
  venue?: Venue;
  minParticipants: number;
  maxParticipants: number;
  seatsTaken: number;
  registrationDeadline?: string;
}

export interface OfferState extends OfferContent {
  id: string;
  version: number;
  providerId: string;
  providerName: string;
  status: OfferStatus;
  dates: CourseDate[];
  publishedAt?: string;
}

export type OfferChangeType = 'published' | 'updated' | 'withdrawn' | 'archived';

export interface OfferChange {
  type: OfferChangeType;
  reason?: string;
}

export const seatsFree = (date: CourseDate): number => Math.max(0, date.maxParticipants - date.seatsTaken);

/** The last day any date of the offer runs, or undefined without dates. */
export function lastEndDate(dates: readonly CourseDate[]): string | undefined {
  return dates.reduce<string | undefined>((last, date) => (!last || date.endDate > last ? date.endDate : last), undefined);
}

/** Stale: published, but its last date has passed (or it has none). Listed no more. */
export function isStale(state: Pick<OfferState, 'status' | 'dates'>, today: string): boolean {
  const last = lastEndDate(state.dates);
  return state.status === 'published' && (!last || last < today);
}

export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
