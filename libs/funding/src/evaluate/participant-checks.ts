import type {
  NotFundedWithinYearsCondition,
  ParticipantAgeCondition,
  ParticipantTargetGroupCondition,
  QualificationAgeCondition,
} from '../model/condition';
import type { ParticipantFacts } from '../model/query';
import { bilingual, formatNumber, type Lang, type Text } from '../model/text';
import { checkFact, met, unknown, unmet, type Check, type CheckContext } from './context';
import { belongsTo, targetGroupList } from './target-groups';
import { minusYears } from './dates';

function participantOf(ctx: CheckContext): ParticipantFacts {
  if (!ctx.participant) throw new Error('participant condition checked without a participant');
  return ctx.participant;
}

export function checkParticipantTargetGroup(c: ParticipantTargetGroupCondition, ctx: CheckContext): Check {
  const p = participantOf(ctx);
  const list = targetGroupList(c.anyOf);
  const answers = c.anyOf.map((code) => belongsTo(p, code));
  if (answers.includes(true)) return met(bilingual((l) => (l === 'de' ? `Teilnehmende: ${list.de}` : `Participants: ${list.en}`)));
  if (answers.includes(undefined)) return unknown(bilingual((l) => (l === 'de' ? `Zielgruppe zu prüfen (${list.de})` : `Target group to be checked (${list.en})`)));
  return unmet(bilingual((l) => (l === 'de' ? `Teilnehmende nicht ${list.de}` : `Participants not ${list.en}`)));
}

export function checkAge(c: ParticipantAgeCondition, ctx: CheckContext): Check {
  const { age } = participantOf(ctx);
  const n = (v: number, l: Lang) => formatNumber(v, l);
  const describe = (l: Lang, ok: boolean): string => {
    const parts: string[] = [];
    if (c.atLeast !== undefined) parts.push(ok ? (l === 'de' ? `${n(c.atLeast, l)} Jahre oder älter` : `aged ${n(c.atLeast, l)} or over`) : l === 'de' ? `jünger als ${n(c.atLeast, l)} Jahre` : `under ${n(c.atLeast, l)}`);
    if (c.atMost !== undefined) parts.push(ok ? (l === 'de' ? `höchstens ${n(c.atMost, l)} Jahre alt` : `aged ${n(c.atMost, l)} or under`) : l === 'de' ? `älter als ${n(c.atMost, l)} Jahre` : `over ${n(c.atMost, l)}`);
    return parts.join(ok ? (l === 'de' ? ' und ' : ' and ') : l === 'de' ? ' oder ' : ' or ');
  };
  if (age === undefined) return unknown(bilingual((l) => (l === 'de' ? `Alter zu prüfen (${describe(l, true)})` : `Age to be checked (${describe(l, true)})`)));
  const ok = (c.atLeast === undefined || age >= c.atLeast) && (c.atMost === undefined || age <= c.atMost);
  const text = bilingual((l) => describe(l, ok));
  return ok ? met(text) : unmet(text);
}

export function checkSeverelyDisabled(ctx: CheckContext): Check {
  return checkFact(
    participantOf(ctx).severelyDisabled,
    { de: 'schwerbehindert', en: 'severely disabled' },
    { de: 'nicht schwerbehindert', en: 'not severely disabled' },
    { de: 'Schwerbehinderung zu prüfen', en: 'Severe disability to be checked' },
  );
}

export function checkNotFunded(c: NotFundedWithinYearsCondition, ctx: CheckContext): Check {
  const p = participantOf(ctx);
  const ids = c.programmeIds ?? [ctx.programmeId];
  const names: Text = bilingual((l) => ids.map((id) => ctx.programmeNames.get(id)?.[l] ?? id).join(l === 'de' ? ' oder ' : ' or '));
  const years = (l: Lang) => `${formatNumber(c.years, l)} ${l === 'de' ? 'Jahren' : 'years'}`;
  if (p.lastFundedUnder === undefined) {
    return unknown(bilingual((l) => (l === 'de' ? `Förderung nach ${names.de} in den letzten ${years(l)} zu prüfen` : `Funding under ${names.en} in the last ${years(l)} to be checked`)));
  }
  const since = minusYears(ctx.referenceDate, c.years);
  const recent = p.lastFundedUnder.some((f) => ids.includes(f.programmeId) && f.date > since && f.date <= ctx.referenceDate);
  return recent
    ? unmet(bilingual((l) => (l === 'de' ? `In den letzten ${years(l)} nach ${names.de} gefördert` : `Funded under ${names.en} in the last ${years(l)}`)))
    : met(bilingual((l) => (l === 'de' ? `In den letzten ${years(l)} nicht nach ${names.de} gefördert` : `Not funded under ${names.en} in the last ${years(l)}`)));
}

export function checkQualificationAge(c: QualificationAgeCondition, ctx: CheckContext): Check {
  const { qualificationYearsAgo: ago } = participantOf(ctx);
  const years = (l: Lang): string => `${formatNumber(c.years, l)} ${l === 'de' ? 'Jahre' : 'years'}`;
  if (ago === undefined) {
    return unknown(bilingual((l) => (l === 'de' ? `Berufsabschluss vor mindestens ${years(l)} zu prüfen` : `Vocational qualification at least ${years(l)} ago to be checked`)));
  }
  const text: Text =
    ago >= c.years
      ? bilingual((l) => (l === 'de' ? `Berufsabschluss mindestens ${years(l)} her` : `Vocational qualification at least ${years(l)} ago`))
      : bilingual((l) => (l === 'de' ? `Berufsabschluss weniger als ${years(l)} her` : `Vocational qualification less than ${years(l)} ago`));
  return ago >= c.years ? met(text) : unmet(text);
}
