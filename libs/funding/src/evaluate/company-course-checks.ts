import type {
  AffectedStaffShareCondition,
  CompanyHeadCountCondition,
  CompanyRegionCondition,
  CourseAzavCondition,
  CourseHoursCondition,
  CourseTargetGroupCondition,
} from '../model/condition';
import { bilingual, formatNumber, type Lang, type Text } from '../model/text';
import { STATE_NAMES } from '../region/states';
import { checkFact, met, unknown, unmet, type Check, type CheckContext } from './context';
import { headCountBandText, inBand } from './head-count-band';
import { targetGroupList } from './target-groups';

export function checkHeadCount(c: CompanyHeadCountCondition, ctx: CheckContext): Check {
  const band = headCountBandText(c.min, c.max);
  const n = ctx.company.headCount;
  if (inBand(n, c.min, c.max)) return met(bilingual((l) => `${l === 'de' ? 'Betrieb' : 'Company'} ${band[l]}`));
  return unmet(bilingual((l) => (l === 'de' ? `Betrieb nicht ${band.de}: ${formatNumber(n, l)} Beschäftigte` : `Company not ${band.en}: ${formatNumber(n, l)} staff`)));
}

export function checkRegion(c: CompanyRegionCondition, ctx: CheckContext): Check {
  const district = ctx.company.districtKey;
  if (!district || !ctx.state) return unknown({ de: 'Sitz des Betriebs zu prüfen (Kreisschlüssel fehlt)', en: 'Company seat to be checked (district key missing)' });
  const where = bilingual((l) => (c.districtKeys?.includes(district) ? (l === 'de' ? `im Kreis ${district}` : `in district ${district}`) : `in ${STATE_NAMES[ctx.state!][l]}`));
  const inside = (c.states ?? []).includes(ctx.state) || (c.districtKeys ?? []).includes(district);
  if (inside) return met(bilingual((l) => `${l === 'de' ? 'Betrieb' : 'Company'} ${where[l]}`));
  return unmet(bilingual((l) => (l === 'de' ? `Betrieb ${where.de}: außerhalb des Geltungsbereichs` : `Company ${where.en}: outside the programme's area`)));
}

export function checkAgreement(ctx: CheckContext): Check {
  return checkFact(
    ctx.company.hasQualificationAgreement,
    { de: 'Betriebsvereinbarung oder Tarifvertrag liegt vor', en: 'Works or collective agreement in place' },
    { de: 'Keine Betriebsvereinbarung oder Tarifvertrag', en: 'No works or collective agreement' },
    { de: 'Betriebsvereinbarung oder Tarifvertrag zu prüfen', en: 'Works or collective agreement to be checked' },
  );
}

/** The band with the highest `fromHeadCount` not above the head count decides the minimum share. */
export function requiredAffectedPercent(c: AffectedStaffShareCondition, headCount: number): number {
  const applicable = c.bands.filter((b) => b.fromHeadCount <= headCount).sort((a, b) => b.fromHeadCount - a.fromHeadCount);
  return applicable[0]?.minPercent ?? 100;
}

export function checkAffectedShare(c: AffectedStaffShareCondition, ctx: CheckContext): Check {
  const { headCount, staffAffectedByStructuralChange: affected } = ctx.company;
  const required = requiredAffectedPercent(c, headCount);
  const pct = (l: Lang, value: number) => `${formatNumber(value, l)} %`;
  if (affected === undefined) {
    return unknown(bilingual((l) => (l === 'de' ? `Anteil vom Strukturwandel betroffener Beschäftigter zu prüfen (mind. ${pct(l, required)})` : `Share of staff affected by structural change to be checked (at least ${pct(l, required)})`)));
  }
  // Compared without division so that 10 of 100 is exactly 10 %.
  const share = headCount > 0 ? Math.round((affected / headCount) * 1000) / 10 : 0;
  if (headCount > 0 && affected * 100 >= required * headCount) {
    return met(bilingual((l) => (l === 'de' ? `${pct(l, share)} der Beschäftigten vom Strukturwandel betroffen (mind. ${pct(l, required)})` : `${pct(l, share)} of staff affected by structural change (at least ${pct(l, required)})`)));
  }
  return unmet(bilingual((l) => (l === 'de' ? `Nur ${pct(l, share)} der Beschäftigten betroffen (mind. ${pct(l, required)} nötig)` : `Only ${pct(l, share)} of staff affected (at least ${pct(l, required)} needed)`)));
}

function hoursText(c: CourseHoursCondition, l: Lang): string {
  const n = (v: number) => formatNumber(v, l);
  const parts: string[] = [];
  if (c.greaterThan !== undefined) parts.push(l === 'de' ? `über ${n(c.greaterThan)} Stunden` : `over ${n(c.greaterThan)} hours`);
  if (c.atLeast !== undefined) parts.push(l === 'de' ? `mindestens ${n(c.atLeast)} Stunden` : `at least ${n(c.atLeast)} hours`);
  if (c.atMost !== undefined) parts.push(l === 'de' ? `höchstens ${n(c.atMost)} Stunden` : `at most ${n(c.atMost)} hours`);
  return parts.join(l === 'de' ? ' und ' : ' and ');
}

export function checkHours(c: CourseHoursCondition, ctx: CheckContext): Check {
  const h = ctx.course.hours;
  const ok = (c.greaterThan === undefined || h > c.greaterThan) && (c.atLeast === undefined || h >= c.atLeast) && (c.atMost === undefined || h <= c.atMost);
  const actual = (l: Lang) => `${formatNumber(h, l)} ${l === 'de' ? 'Std.' : 'h'}`;
  if (ok) return met(bilingual((l) => `${l === 'de' ? 'Kurs' : 'Course'} ${hoursText(c, l)} (${actual(l)})`));
  return unmet(bilingual((l) => `${l === 'de' ? 'Kurs nicht' : 'Course not'} ${hoursText(c, l)} (${actual(l)})`));
}

export function checkCourseAzav(c: CourseAzavCondition, ctx: CheckContext): Check {
  const { azavApproved, measureNumber } = ctx.course;
  if (!azavApproved) return unmet({ de: 'Maßnahme nicht nach AZAV zugelassen', en: 'Course not AZAV-approved' });
  if (c.requireMeasureNumber && !measureNumber?.trim()) return unmet({ de: 'Maßnahmenummer (AZAV) fehlt', en: 'AZAV measure number missing' });
  const number = measureNumber?.trim() ? ` (${measureNumber.trim()})` : '';
  return met({ de: `Maßnahme nach AZAV zugelassen${number}`, en: `Course AZAV-approved${number}` });
}

export function checkProviderAzav(ctx: CheckContext): Check {
  return ctx.course.providerAzavApproved
    ? met({ de: 'Träger nach AZAV zugelassen', en: 'Provider AZAV-approved' })
    : unmet({ de: 'Träger nicht nach AZAV zugelassen', en: 'Provider not AZAV-approved' });
}

export function checkCourseTargetGroup(c: CourseTargetGroupCondition, ctx: CheckContext): Check {
  const list: Text = targetGroupList(c.anyOf);
  const groups = ctx.course.targetGroups;
  if (groups === undefined) return unknown(bilingual((l) => (l === 'de' ? `Zielgruppe des Kurses zu prüfen (${list.de})` : `Course target group to be checked (${list.en})`)));
  if (c.anyOf.some((g) => groups.includes(g))) return met(bilingual((l) => (l === 'de' ? `Kurs für ${list.de}` : `Course for ${list.en}`)));
  return unmet(bilingual((l) => (l === 'de' ? `Kurs nicht für ${list.de}` : `Course not for ${list.en}`)));
}
