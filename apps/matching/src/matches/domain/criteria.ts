import { CandidateFacts, ExclusionReason, NeedFacts } from './match-facts';
import { answersByText, textRelevance } from './text-relevance';

/** Need formats in the catalogue's words (the two services name "Präsenz" differently). */
const NEED_TO_OFFER_FORMAT: Record<string, string> = { in_person: 'presence', online_live: 'online_live', blended: 'blended', self_paced: 'self_paced', in_house: 'in_house' };
const ONLINE_FORMATS = ['online_live', 'self_paced', 'blended'];
const ON_SITE_FORMATS = ['presence', 'blended', 'in_house'];
const NEED_TO_DATE_SCHEDULE: Record<string, string> = { full_time: 'full_time', part_time: 'part_time', evenings: 'evening', weekends: 'weekend' };
const NEED_TO_OFFER_GROUP: Record<string, string> = {
  apprentices: 'apprentices',
  employees: 'employees',
  low_skilled: 'unskilled',
  refugees_migrants: 'refugees_migrants',
  returners: 'returners',
  disadvantaged_youth: 'disadvantaged_youth',
  older_employees: 'employees',
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The formats a date is actually held in: online dates in the online ones, others on site. */
export function dateFormats(candidate: Pick<CandidateFacts, 'formats' | 'online'>): string[] {
  const fitting = candidate.formats.filter((format) => (candidate.online ? ONLINE_FORMATS : ON_SITE_FORMATS).includes(format));
  if (fitting.length) return fitting;
  return candidate.online ? ['online_live'] : ['presence'];
}

/** Hard constraints: a candidate failing one is never proposed, however well it scores. */
export function exclusionOf(need: NeedFacts, candidate: CandidateFacts, today: string): ExclusionReason | undefined {
  // Sharing no skill, an offer is still a candidate when its own words clearly answer the need's
  // (text relevance): the route that keeps working when the need's text was misread.
  if (!need.skills.some((skill) => candidate.skillUris.includes(skill.uri)) && !answersByText(textRelevance(need.words, candidate.text))) return 'no_skill_overlap';
  if (candidate.startDate < today) return 'date_passed';
  if ((need.earliestStart && candidate.startDate < need.earliestStart) || (need.latestEnd && candidate.endDate > need.latestEnd)) return 'outside_window';
  if (candidate.seatsFree < need.participants) return 'no_seats';
  if (formatValue(need, candidate) === 0) return 'format_refused';
  if (!candidate.online && (candidate.distanceKm === undefined || candidate.distanceKm > need.radiusKm)) return 'unreachable';
  return undefined;
}

/** Share of the asked skills (weighted: given 1, read from text by confidence) the course teaches. */
export function skillsValue(need: NeedFacts, candidate: CandidateFacts): { value: number; covered: number; total: number } {
  const total = need.skills.reduce((sum, skill) => sum + skill.weight, 0);
  const coveredSkills = need.skills.filter((skill) => candidate.skillUris.includes(skill.uri));
  const covered = coveredSkills.reduce((sum, skill) => sum + skill.weight, 0);
  return { value: total > 0 ? covered / total : 0, covered: coveredSkills.length, total: need.skills.length };
}

/** Same DQR level 1, one apart 0.6, further 0.2; unknown on either side 0.5 (no evidence either way). */
export function levelValue(need: NeedFacts, candidate: CandidateFacts): number {
  if (need.dqrLevel === undefined || candidate.dqrLevel === undefined) return 0.5;
  const gap = Math.abs(need.dqrLevel - candidate.dqrLevel);
  return gap === 0 ? 1 : gap === 1 ? 0.6 : 0.2;
}

/** Inside the window (guaranteed by the exclusion); sooner after the earliest start is better, down to 0.7 after half a year. */
export function datesValue(need: NeedFacts, candidate: CandidateFacts, today: string): number {
  const from = need.earliestStart && need.earliestStart > today ? need.earliestStart : today;
  const wait = Math.max(0, daysBetween(from, candidate.startDate));
  return 1 - 0.3 * Math.min(1, wait / 180);
}

/** Online: 1. On site: 1 next door, falling linearly to 0.3 at the edge of the travel radius. */
export function distanceValue(need: NeedFacts, candidate: CandidateFacts): number {
  if (candidate.online || candidate.distanceKm === undefined) return 1;
  return Math.max(0, 1 - 0.7 * Math.min(1, candidate.distanceKm / Math.max(1, need.radiusKm)));
}

/** 0 = refused (exclusion); 1 = the need's first choice or any when it names none; 0.8 = another accepted one. */
export function formatValue(need: NeedFacts, candidate: CandidateFacts): number {
  if (!need.formats.length) return 1;
  const held = dateFormats(candidate);
  const accepted = need.formats.map((format) => NEED_TO_OFFER_FORMAT[format]).filter(Boolean);
  if (held.includes(accepted[0])) return 1;
  return held.some((format) => accepted.includes(format)) ? 0.8 : 0;
}

/** Asked schedule 1, flexible 0.8, another 0.2; no wish 1. */
export function scheduleValue(need: NeedFacts, candidate: CandidateFacts): number {
  if (!need.schedules.length) return 1;
  if (need.schedules.some((schedule) => NEED_TO_DATE_SCHEDULE[schedule] === candidate.schedule)) return 1;
  return candidate.schedule === 'flexible' ? 0.8 : 0.2;
}

export function languageValue(need: NeedFacts, candidate: CandidateFacts): number {
  return need.language === candidate.language ? 1 : 0;
}

/** A course for the need's group 1; one for everyone (no group named) 0.7; for other groups 0.3. */
export function targetGroupValue(need: NeedFacts, candidate: CandidateFacts): number {
  if (!candidate.targetGroups.length || !need.targetGroups.length) return 0.7;
  return need.targetGroups.some((group) => candidate.targetGroups.includes(NEED_TO_OFFER_GROUP[group] ?? group)) ? 1 : 0.3;
}

/** Cost after funding against the budget: within 1, falling to 0 at twice the budget; without a budget free 1, else 0.7. */
export function priceValue(need: NeedFacts, candidate: CandidateFacts): number {
  const cost = candidate.companyCostPerParticipantCents;
  if (cost === 0) return 1;
  if (need.budgetPerParticipantCents === undefined) return 0.7;
  if (cost <= need.budgetPerParticipantCents) return 1;
  if (need.budgetPerParticipantCents === 0) return 0;
  return Math.max(0, 1 - (cost - need.budgetPerParticipantCents) / need.budgetPerParticipantCents);
}

/** How well the offer's title and description answer the need's own words (text-relevance.ts). */
export function titleValue(need: NeedFacts, candidate: CandidateFacts): number {
  return textRelevance(need.words, candidate.text).value;
}
