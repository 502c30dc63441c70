import { COURSE_SCHEDULES, OFFER_TARGET_GROUPS, OfferTargetGroup } from '@bildungsraum/contracts';
import { languageValue, levelValue, scheduleValue, targetGroupValue } from '../domain/criteria';
import { CandidateFacts, NeedFacts } from '../domain/match-facts';

/** The values of the criteria that depend on one offer or date field, for every value of that field. */
export interface CeilingTables {
  /** Index 0: no DQR level; 1–8: that level. */
  levelByDqr: number[];
  schedules: Array<[string, number]>;
  language: string;
  languageSame: number;
  languageOther: number;
  /**
   * By the date's target_group_mask (migration 1763880000000): the value of the course's set of
   * target groups, index = mask. A mask with UNKNOWN_GROUP_BIT (a group this list does not know)
   * gets the best value any set can have.
   */
  groupsByMask: number[];
}

/** The order of the target groups' bits in course_date_view.target_group_mask (its migration lists the same). */
export const TARGET_GROUP_BITS: readonly OfferTargetGroup[] = ['apprentices', 'employees', 'unskilled', 'refugees_migrants', 'returners', 'disadvantaged_youth', 'job_seekers', 'managers'];
export const UNKNOWN_GROUP_BIT = 1 << TARGET_GROUP_BITS.length;

/** A candidate with only `fields` set; the others hold neutral values none of these criteria read. */
const probe = (fields: Partial<CandidateFacts>): CandidateFacts => ({
  skillUris: [],
  language: '',
  formats: [],
  targetGroups: [],
  startDate: '',
  endDate: '',
  schedule: '',
  online: true,
  seatsFree: 0,
  companyCostPerParticipantCents: 0,
  costNote: { de: '', en: '' },
  text: { title: [], description: [] },
  ...fields,
});

/**
 * Asks the domain's own criteria (criteria.ts) what each value of a field is worth to this need,
 * so SQL ranks by lookups instead of a copy of the rules. Valid while each of these criteria reads
 * only its one field; ranked-retrieval checks every ceiling against the real score it reads.
 */
export function ceilingTables(need: NeedFacts): CeilingTables {
  return {
    levelByDqr: [levelValue(need, probe({})), ...Array.from({ length: 8 }, (_, index) => levelValue(need, probe({ dqrLevel: index + 1 })))],
    schedules: COURSE_SCHEDULES.map((schedule) => [schedule, scheduleValue(need, probe({ schedule }))]),
    language: need.language,
    languageSame: languageValue(need, probe({ language: need.language })),
    languageOther: languageValue(need, probe({ language: `${need.language}-other` })),
    groupsByMask: groupsByMask(need),
  };
}

function groupsByMask(need: NeedFacts): number[] {
  const known = Array.from({ length: UNKNOWN_GROUP_BIT }, (_, mask) => targetGroupValue(need, probe({ targetGroups: TARGET_GROUP_BITS.filter((_, bit) => mask & (1 << bit)) })));
  const best = Math.max(...known, ...OFFER_TARGET_GROUPS.map((group) => targetGroupValue(need, probe({ targetGroups: [group] }))));
  return [...known, ...known.map(() => best)];
}
