import type { Condition } from '../model/condition';
import type { ReasonStatus } from '../model/query';
import { bilingual, type Text } from '../model/text';
import {
  checkAffectedShare,
  checkAgreement,
  checkCourseAzav,
  checkCourseTargetGroup,
  checkHeadCount,
  checkHours,
  checkProviderAzav,
  checkRegion,
} from './company-course-checks';
import type { Check, CheckContext } from './context';
import { checkAge, checkNotFunded, checkParticipantTargetGroup, checkQualificationAge, checkSeverelyDisabled } from './participant-checks';

const STATUS_WORDS: Record<ReasonStatus, Text> = {
  met: { de: 'erfüllt', en: 'met' },
  unmet: { de: 'nicht erfüllt', en: 'not met' },
  unknown: { de: 'zu prüfen', en: 'to be checked' },
};

function joined(checks: Check[], word: Text): Text {
  return bilingual((l) => checks.map((c) => c.text[l]).join(` ${word[l]} `));
}

/**
 * "any of": met as soon as one is met, unmet only if all are unmet, else unknown (three-valued
 * logic: a missing fact must not decide). "all of" mirrors it.
 */
function combine(kind: 'allOf' | 'anyOf', checks: Check[]): Check {
  const decisive: ReasonStatus = kind === 'anyOf' ? 'met' : 'unmet';
  const hit = checks.find((c) => c.status === decisive);
  if (hit) return hit;
  const open = checks.filter((c) => c.status === 'unknown');
  if (open.length > 0) return { status: 'unknown', text: joined(open, kind === 'anyOf' ? { de: 'oder', en: 'or' } : { de: 'und', en: 'and' }) };
  // All met ("all of") or all unmet ("any of"): name every part.
  return { status: checks[0]?.status ?? 'met', text: joined(checks, { de: 'und', en: 'and' }) };
}

function checkPlain(condition: Condition, ctx: CheckContext): Check {
  switch (condition.type) {
    case 'companyHeadCount': return checkHeadCount(condition, ctx);
    case 'companyRegion': return checkRegion(condition, ctx);
    case 'companyAgreement': return checkAgreement(ctx);
    case 'affectedStaffShare': return checkAffectedShare(condition, ctx);
    case 'courseHours': return checkHours(condition, ctx);
    case 'courseAzav': return checkCourseAzav(condition, ctx);
    case 'providerAzav': return checkProviderAzav(ctx);
    case 'courseTargetGroup': return checkCourseTargetGroup(condition, ctx);
    case 'participantTargetGroup': return checkParticipantTargetGroup(condition, ctx);
    case 'participantAge': return checkAge(condition, ctx);
    case 'participantSeverelyDisabled': return checkSeverelyDisabled(ctx);
    case 'notFundedWithinYears': return checkNotFunded(condition, ctx);
    case 'qualificationAtLeastYearsAgo': return checkQualificationAge(condition, ctx);
    case 'allOf':
    case 'anyOf':
      return combine(condition.type, condition.conditions.map((c) => checkCondition(c, ctx)));
  }
}

/** Checks one condition; an operator's label replaces the generated text. */
export function checkCondition(condition: Condition, ctx: CheckContext): Check {
  const check = checkPlain(condition, ctx);
  if (!condition.label) return check;
  const label = condition.label;
  return { status: check.status, text: bilingual((l) => `${label[l]}: ${STATUS_WORDS[check.status][l]} (${check.text[l]})`) };
}

/** All conditions together (implicit "all of"). */
export function checkAll(conditions: Condition[], ctx: CheckContext): Check {
  return combine('allOf', conditions.map((c) => checkCondition(c, ctx)));
}
