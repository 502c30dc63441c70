import { isParticipantCondition } from '../model/condition';
import type { FundingProgramme, RuleSetVersion } from '../model/programme';
import type { FundingQuery, FundingResult, GroupMoney, ProgrammeEvaluation, Reason } from '../model/query';
import { bilingual, type Text } from '../model/text';
import { stateOfDistrict } from '../region/states';
import { capText, companyFeeShare, feeBenefitOf, groupFeeShare, otherBenefitTexts, wageReplacementFor } from './benefits';
import { checkCondition } from './check-condition';
import type { CheckContext } from './context';
import { toIsoDate } from './dates';
import { assertValidQuery } from './query-guard';
import { programmePaysCents } from './money';

/**
 * The version in force on the reference date (validFrom ≤ date ≤ validUntil). Should operators'
 * data overlap, the most recent validFrom wins.
 */
export function versionOn(programme: FundingProgramme, isoDate: string): RuleSetVersion | undefined {
  return programme.versions
    .filter((v) => v.validFrom <= isoDate && (v.validUntil === undefined || isoDate <= v.validUntil))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
}

/**
 * Which programmes apply to this company, these participants and this course date, and what
 * each pays. Rules are read at the course start (the law in force when the course begins
 * decides), or at the evaluation date `on` when the course has no start date yet.
 */
export function evaluateFunding(programmes: readonly FundingProgramme[], query: FundingQuery): FundingResult {
  assertValidQuery(query);
  const fromCourse = query.course.startDate !== undefined;
  const referenceDate = toIsoDate(query.course.startDate ?? query.on ?? new Date());
  const names = new Map<string, Text>(programmes.map((p) => [p.id, p.legalBasis]));
  return {
    referenceDate,
    referenceDateFrom: fromCourse ? 'courseStart' : 'evaluationDate',
    coursePriceCents: query.course.priceCents,
    participantCounts: query.participants.map((g) => g.count ?? 1),
    programmes: programmes.map((p) => evaluateProgramme(p, query, referenceDate, names)),
  };
}

function evaluateProgramme(programme: FundingProgramme, query: FundingQuery, referenceDate: string, names: ReadonlyMap<string, Text>): ProgrammeEvaluation {
  const { company, course, participants } = query;
  const version = versionOn(programme, referenceDate);
  const base = {
    programmeId: programme.id,
    name: programme.name,
    legalBasis: programme.legalBasis,
    kind: programme.kind,
    example: programme.example ?? false,
    notCombinableWith: programme.notCombinableWith ?? [],
    subsidiary: programme.subsidiary ?? false,
  };
  const counts = participants.map((g) => g.count ?? 1);
  const unfunded = (g: number): GroupMoney => ({
    group: g, count: counts[g], eligible: false, coursePriceCents: course.priceCents, programmeSharePercent: 0, programmePaysCents: 0, companyPaysCents: course.priceCents,
  });

  if (!version) {
    const reason: Reason = { status: 'unmet', text: bilingual((l) => (l === 'de' ? `Keine Regelfassung am ${referenceDate} in Kraft` : `No rule version in force on ${referenceDate}`)) };
    const groups = counts.map((_, g) => unfunded(g));
    return { ...base, applies: false, toVerify: false, reasons: [reason], groups, totals: totalsOf(groups), otherBenefits: [] };
  }

  const ctx: CheckContext = { programmeId: programme.id, company, state: company.districtKey ? stateOfDistrict(company.districtKey) : undefined, course, referenceDate, programmeNames: names };
  const companyConditions = version.conditions.filter((c) => !isParticipantCondition(c));
  const participantConditions = version.conditions.filter(isParticipantCondition);
  const reasons: Reason[] = companyConditions.map((c) => ({ ...checkCondition(c, ctx) }));
  const companyOk = reasons.every((r) => r.status !== 'unmet');
  // Open checks of conditions decide `toVerify`; an open waiver only means the company may pay less.
  let openConditions = reasons.some((r) => r.status === 'unknown');

  const fee = feeBenefitOf(version.benefits);
  const companyShare = fee ? companyFeeShare(fee, company.headCount) : undefined;
  if (companyShare) reasons.push(companyShare.reason);
  const cap = fee?.maxCentsPerParticipant;
  if (cap !== undefined) reasons.push({ status: 'met', text: capText(cap) });

  const groups: GroupMoney[] = participants.map((participant, g) => {
    const pctx: CheckContext = { ...ctx, participant };
    const checks = participantConditions.map((c) => ({ ...checkCondition(c, pctx), group: g }));
    reasons.push(...checks);
    const eligible = companyOk && checks.every((c) => c.status !== 'unmet');
    if (!eligible) return unfunded(g);
    openConditions ||= checks.some((c) => c.status === 'unknown');
    const share = fee && companyShare ? groupFeeShare(fee, companyShare.percent, pctx, g) : { percent: 0, reasons: [] };
    reasons.push(...share.reasons);
    const pays = programmePaysCents(course.priceCents, share.percent, cap);
    return {
      group: g,
      count: counts[g],
      eligible: true,
      coursePriceCents: course.priceCents,
      programmeSharePercent: share.percent,
      ...(cap !== undefined ? { maxCentsPerParticipant: cap } : {}),
      programmePaysCents: pays,
      companyPaysCents: course.priceCents - pays,
      wageReplacementCentsPerMonth: wageReplacementFor(version.benefits, participant.lostNetPayCents, participant.hasChild),
    };
  });

  const applies = companyOk && groups.some((g) => g.eligible);
  return {
    ...base,
    applies,
    toVerify: applies && openConditions,
    version: { validFrom: version.validFrom, ...(version.validUntil ? { validUntil: version.validUntil } : {}) },
    reasons,
    groups,
    totals: totalsOf(groups),
    otherBenefits: applies ? otherBenefitTexts(version.benefits, company.headCount) : [],
  };
}

export function totalsOf(groups: GroupMoney[]): ProgrammeEvaluation['totals'] {
  return groups.reduce(
    (t, g) => ({
      participants: t.participants + g.count,
      coursePriceCents: t.coursePriceCents + g.count * g.coursePriceCents,
      programmePaysCents: t.programmePaysCents + g.count * g.programmePaysCents,
      companyPaysCents: t.companyPaysCents + g.count * g.companyPaysCents,
    }),
    { participants: 0, coursePriceCents: 0, programmePaysCents: 0, companyPaysCents: 0 },
  );
}

