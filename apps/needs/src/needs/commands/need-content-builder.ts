import { NeedContent } from '../domain/need-content';
import { NeedFieldsRequest } from './need-fields';
import { NeedSite } from '../domain/need-content';

type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Fills in what a new need leaves out (documented defaults). */
export function newContent(request: NeedFieldsRequest & { description: string; participants: number }, site: NeedSite): NeedContent {
  return mergeContent(
    {
      description: request.description,
      skillUris: [],
      participants: request.participants,
      targetGroups: ['employees'],
      participantsByTargetGroup: [],
      language: 'de',
      jobSpecificGerman: false,
      site,
      formats: [],
      schedules: [],
      fundingAdviceWanted: false,
      staff: { participantsAged45Plus: 0, participantsSeverelyDisabled: 0 },
      nameVisibleToProviders: false,
    },
    request,
    site,
  );
}

/** PATCH semantics: what the request sends replaces the current value; the rest stays. */
export function mergeContent(current: NeedContent, request: NeedFieldsRequest & { description?: string; participants?: number }, site: NeedSite): NeedContent {
  const sent = Object.fromEntries(Object.entries(request).filter(([key, value]) => value !== undefined && CONTENT_KEYS.has(key))) as Partial<Defined<NeedFieldsRequest & { description: string; participants: number }>>;
  const { staff, participantsByTargetGroup, ...plain } = sent;
  return {
    ...current,
    ...(plain as Partial<NeedContent>),
    site,
    ...(participantsByTargetGroup ? { participantsByTargetGroup: participantsByTargetGroup.map(({ targetGroup, count }) => ({ targetGroup, count })) } : {}),
    staff: {
      participantsAged45Plus: staff?.participantsAged45Plus ?? current.staff.participantsAged45Plus,
      participantsSeverelyDisabled: staff?.participantsSeverelyDisabled ?? current.staff.participantsSeverelyDisabled,
    },
  };
}

const CONTENT_KEYS = new Set([
  'description', 'skillUris', 'occupationUri', 'kldbCode', 'participants', 'targetGroups', 'participantsByTargetGroup', 'dqrLevel', 'language',
  'jobSpecificGerman', 'maxTravelKm', 'formats', 'schedules', 'earliestStart', 'latestEnd', 'budgetPerParticipantCents', 'fundingAdviceWanted',
  'staff', 'nameVisibleToProviders',
]);
