import { LearningFormat, Schedule, TargetGroup } from '@bildungsraum/contracts';
import { DomainError, FieldFault } from '@bildungsraum/domain-kernel';

export interface NeedSite {
  siteId?: string;
  postalCode: string;
  city?: string;
  location: { lat: number; lon: number };
  districtKey: string;
}

/** What the company says it needs (DOMAIN.md "Qualifizierungsbedarf"). */
export interface NeedContent {
  description: string;
  skillUris: string[];
  occupationUri?: string;
  kldbCode?: string;
  participants: number;
  targetGroups: TargetGroup[];
  participantsByTargetGroup: Array<{ targetGroup: TargetGroup; count: number }>;
  dqrLevel?: number;
  language: string;
  jobSpecificGerman: boolean;
  site: NeedSite;
  maxTravelKm?: number;
  formats: LearningFormat[];
  schedules: Schedule[];
  earliestStart?: string;
  latestEnd?: string;
  budgetPerParticipantCents?: number;
  fundingAdviceWanted: boolean;
  staff: { participantsAged45Plus: number; participantsSeverelyDisabled: number };
  nameVisibleToProviders: boolean;
}

/**
 * Rules across fields that single-field validation cannot see. Returns every fault at once,
 * so a form (or a CSV row) can be corrected in one go.
 */
export function contentFaults(content: NeedContent): FieldFault[] {
  const faults: FieldFault[] = [];
  const fault = (field: string, detail: string) => faults.push({ field, in: 'body', detail });
  if (content.description.trim().length === 0) fault('description', 'Beschreibung darf nicht leer sein / description must not be blank');
  const groups = new Set(content.targetGroups);
  let perGroup = 0;
  content.participantsByTargetGroup.forEach((entry, index) => {
    perGroup += entry.count;
    if (!groups.has(entry.targetGroup)) fault(`participantsByTargetGroup.${index}.targetGroup`, 'Zielgruppe fehlt in targetGroups / target group not listed in targetGroups');
  });
  if (perGroup > content.participants) fault('participantsByTargetGroup', 'Summe größer als Teilnehmende / sum exceeds participants');
  if (content.staff.participantsAged45Plus > content.participants) fault('staff.participantsAged45Plus', 'größer als Teilnehmende / exceeds participants');
  if (content.staff.participantsSeverelyDisabled > content.participants) fault('staff.participantsSeverelyDisabled', 'größer als Teilnehmende / exceeds participants');
  if (content.earliestStart && content.latestEnd && content.latestEnd < content.earliestStart) {
    fault('latestEnd', 'Spätestes Ende liegt vor frühestem Beginn / latest end before earliest start');
  }
  return faults;
}

export function assertValidContent(content: NeedContent): void {
  const faults = contentFaults(content);
  if (faults.length) throw new DomainError('invalid', 'need.invalid', 'Bedarf ist unvollständig oder widersprüchlich / need is inconsistent', faults);
}

/** The calendar day (UTC) of an instant, for comparisons with ISO dates. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
