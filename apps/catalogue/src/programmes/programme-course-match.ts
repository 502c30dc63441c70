import { EntityManager } from 'typeorm';
import { CourseFacts, evaluateFunding, FundingProgramme } from '@bildungsraum/funding';
import { OfferState, today } from '../offers/domain/offer-model';
import { providerDirectory } from '../providers/provider-directory';
import { programmeRecords } from './programme-records';

/** The offer's target groups in the funding library's codes. */
const TARGET_GROUP_CODES: Record<string, string> = {
  apprentices: 'apprentices',
  employees: 'employees',
  unskilled: 'low-skilled',
  refugees_migrants: 'refugees-migrants',
  returners: 'returners',
  disadvantaged_youth: 'disadvantaged-youth',
  job_seekers: 'job-seekers',
  managers: 'managers',
};

/** Course facts of an offer for the funding rules, at its next date. */
export function courseFacts(state: OfferState, providerAzavApproved: boolean, startDate?: string): CourseFacts {
  const next = startDate ?? state.dates.map((date) => date.startDate).filter((start) => start >= today()).sort()[0];
  return {
    hours: state.hours,
    priceCents: state.priceCents,
    azavApproved: state.azavApproved,
    ...(state.measureNumber ? { measureNumber: state.measureNumber } : {}),
    providerAzavApproved,
    ...(next ? { startDate: next } : {}),
    targetGroups: state.targetGroups.map((group) => TARGET_GROUP_CODES[group] ?? group),
  };
}

/** Company sizes the course-level check tries: a programme counts if it can apply to some company. */
const SIZES = [5, 100, 1000];

/**
 * Programmes whose course conditions the offer meets (search filter "Förderung"): evaluated
 * with unknown participants for a small, a medium and a large company; company and participant
 * facts stay "to be checked" and do not exclude a programme.
 */
export function programmesForCourseFacts(programmes: readonly FundingProgramme[], course: CourseFacts): string[] {
  const ids = new Set<string>();
  for (const headCount of SIZES) {
    const result = evaluateFunding(programmes, { company: { headCount }, participants: [{ count: 1 }], course });
    for (const evaluation of result.programmes) if (evaluation.applies) ids.add(evaluation.programmeId);
  }
  return [...ids].sort();
}

/** Active programmes, re-read at most every few seconds: every published offer's save asks for them. */
let cached: { at: number; programmes: FundingProgramme[] } | undefined;
const CACHE_MS = 5_000;

async function activeProgrammes(manager: EntityManager): Promise<FundingProgramme[]> {
  if (!cached || Date.now() - cached.at > CACHE_MS) {
    cached = { at: Date.now(), programmes: (await programmeRecords.all(manager, { activeOnly: true })).map((record) => record.programme) };
  }
  return cached.programmes;
}

/** Forget the cached programmes (after an operator's change in this process). */
export const forgetProgrammes = (): void => {
  cached = undefined;
};

export async function programmesForCourse(manager: EntityManager, state: OfferState): Promise<string[]> {
  const programmes = await activeProgrammes(manager);
  if (!programmes.length) return [];
  const provider = await providerDirectory.find(manager, state.providerId);
  return programmesForCourseFacts(programmes, courseFacts(state, provider?.azavApproved ?? false));
}
