import { OfferSnapshotV1 } from '@bildungsraum/contracts';
import { FundingProgramme } from '@bildungsraum/funding';
import { companyCost, CompanyCost, CostInput } from '../domain/company-cost';
import { CandidateFacts, NeedFacts } from '../domain/match-facts';
import { effectiveSkills } from '../../skills/domain/skill-corrections';
import { CandidateRow } from './candidates';
import { NeedRecord } from './need-records';
import { needWords, offerWords } from './text-words';

/** The need as scoring sees it: given URIs weigh 1, skills read from its text their confidence, corrections applied. */
export function needFacts(need: NeedRecord, defaultRadiusKm: number): NeedFacts {
  const n = need.snapshot;
  return {
    skills: effectiveSkills(n.skillUris, need.textSkills, need.corrections),
    participants: n.participants,
    ...(n.dqrLevel !== undefined ? { dqrLevel: n.dqrLevel } : {}),
    language: n.language,
    formats: n.formats,
    schedules: n.schedules,
    targetGroups: n.targetGroups,
    ...(n.earliestStart ? { earliestStart: n.earliestStart } : {}),
    ...(n.latestEnd ? { latestEnd: n.latestEnd } : {}),
    radiusKm: n.maxTravelKm ?? defaultRadiusKm,
    ...(n.budgetPerParticipantCents !== undefined ? { budgetPerParticipantCents: n.budgetPerParticipantCents } : {}),
    words: needWords(n.description),
  };
}

const dateOf = (row: CandidateRow) => {
  const date = row.offer.dates.find((candidate) => candidate.id === row.courseDateId);
  if (!date) throw new Error(`Course date ${row.courseDateId} missing in offer ${row.offer.id}`);
  return date;
};

/**
 * companyCost is pure (the course's start, not today, is its reference date) and the dearest part
 * of scoring: every programme is evaluated with its texts. Retrieval asks for the same date and
 * need up to three times (raising the bar, checking the row against the snapshot, scoring the
 * proposal) – 9 ms of Node CPU per need in bench/matching's profile, session 7 – so each input is
 * worked out once. Bounded like offerWords' cache; the results are frozen, as they are shared.
 */
const costCache = new WeakMap<readonly FundingProgramme[], Map<string, CompanyCost>>();
const COST_CACHE_SIZE = 5_000;

function cachedCompanyCost(programmes: readonly FundingProgramme[], input: CostInput): CompanyCost {
  let costs = costCache.get(programmes);
  if (!costs) costCache.set(programmes, (costs = new Map()));
  const key = JSON.stringify(input);
  let cost = costs.get(key);
  if (!cost) {
    if (costs.size >= COST_CACHE_SIZE) costs.clear();
    const worked = companyCost(programmes, input);
    cost = Object.freeze({ ...worked, programmeIds: Object.freeze([...worked.programmeIds]) as string[], note: Object.freeze({ ...worked.note }) });
    costs.set(key, cost);
  }
  return cost;
}

/** What the company pays for this date after funding (the dearest part of scoring). */
export function fundingFor(need: NeedRecord, row: CandidateRow, programmes: readonly FundingProgramme[]): CompanyCost {
  const offer: OfferSnapshotV1 = row.offer;
  const n = need.snapshot;
  return cachedCompanyCost(programmes, {
    // Partners own the head count; the need's copy (taken when it was captured) only stands in.
    ...((need.companyEmployees ?? n.company.employees) !== undefined ? { employees: need.companyEmployees ?? n.company.employees } : {}),
    ...(n.company.districtKey ? { districtKey: n.company.districtKey } : {}),
    participants: n.participants,
    participantsAged45Plus: n.staff.participantsAged45Plus,
    participantsSeverelyDisabled: n.staff.participantsSeverelyDisabled,
    course: {
      hours: offer.hours,
      priceCents: offer.priceCents,
      azavApproved: offer.azavApproved,
      ...(offer.measureNumber ? { measureNumber: offer.measureNumber } : {}),
      providerAzavApproved: row.providerAzavApproved,
      startDate: dateOf(row).startDate,
    },
  });
}

/** No funding note: a price assumed (full or none) to bound a score, not a company's cost. */
export const NO_NOTE = { de: '', en: '' };

/** One candidate date as scoring sees it, at the given cost per participant. */
export function candidateFacts(row: CandidateRow, cost: Pick<CompanyCost, 'perParticipantCents' | 'note'>): CandidateFacts {
  const offer = row.offer;
  const date = dateOf(row);
  return {
    skillUris: offer.skills,
    ...(offer.dqrLevel !== undefined ? { dqrLevel: offer.dqrLevel } : {}),
    language: offer.language,
    formats: offer.formats,
    targetGroups: offer.targetGroups,
    startDate: date.startDate,
    endDate: date.endDate,
    schedule: date.schedule,
    online: date.online,
    ...(row.distanceKm !== null ? { distanceKm: row.distanceKm } : {}),
    seatsFree: date.seatsFree,
    companyCostPerParticipantCents: cost.perParticipantCents,
    costNote: cost.note,
    text: offerWords(offer),
  };
}
