import { bestCompanyCost, evaluateFunding, explainFunding, formatEuro, FundingProgramme, ParticipantGroup } from '@bildungsraum/funding';

export interface CostInput {
  /** Head count of the company; unknown = no funding can be worked out. */
  employees?: number;
  districtKey?: string;
  participants: number;
  participantsAged45Plus: number;
  participantsSeverelyDisabled: number;
  course: { hours: number; priceCents: number; azavApproved: boolean; measureNumber?: string; providerAzavApproved: boolean; startDate: string };
}

export interface CompanyCost {
  perParticipantCents: number;
  programmeIds: string[];
  note: { de: string; en: string };
}

/**
 * Participant groups from the need's staff facts: 45+ and severely disabled (the § 82 waivers)
 * apart, the rest as employed staff of unknown age. Overlaps are not double-counted.
 */
export function participantGroups(input: Pick<CostInput, 'participants' | 'participantsAged45Plus' | 'participantsSeverelyDisabled'>): ParticipantGroup[] {
  const older = Math.min(input.participantsAged45Plus, input.participants);
  const disabled = Math.min(input.participantsSeverelyDisabled, input.participants - older);
  const rest = input.participants - older - disabled;
  const groups: ParticipantGroup[] = [];
  if (older) groups.push({ employed: true, age: 45, count: older });
  if (disabled) groups.push({ employed: true, severelyDisabled: true, count: disabled });
  if (rest) groups.push({ employed: true, count: rest });
  return groups;
}

/** What the company pays per participant after the cheapest combination of applicable programmes. */
export function companyCost(programmes: readonly FundingProgramme[], input: CostInput): CompanyCost {
  const price = input.course.priceCents;
  if (price === 0) return { perParticipantCents: 0, programmeIds: [], note: { de: 'kostenfrei', en: 'free of charge' } };
  if (input.employees === undefined) {
    return { perParticipantCents: price, programmeIds: [], note: { de: `Preis ${formatEuro(price, 'de')} (Förderung ohne Beschäftigtenzahl nicht prüfbar)`, en: `price ${formatEuro(price, 'en')} (funding not checked: head count unknown)` } };
  }
  const result = evaluateFunding([...programmes], {
    company: { headCount: input.employees, ...(input.districtKey ? { districtKey: input.districtKey } : {}) },
    participants: participantGroups(input),
    course: input.course,
  });
  const best = bestCompanyCost(result);
  const perParticipantCents = best.participants > 0 ? Math.round(best.companyPaysCents / best.participants) : price;
  return { perParticipantCents, programmeIds: best.programmeIds, note: { de: explainFunding(best, 'de'), en: explainFunding(best, 'en') } };
}
