import { KNOWN_TARGET_GROUPS } from '../model/condition';
import type { ParticipantFacts } from '../model/query';
import { bilingual, type Text } from '../model/text';

function label(code: string): Text {
  return (KNOWN_TARGET_GROUPS as Record<string, Text>)[code] ?? { de: code, en: code };
}

/** "Beschäftigte oder Arbeitsuchende" / "employees or job seekers". */
export function targetGroupList(codes: string[]): Text {
  return bilingual((l) => codes.map((c) => label(c)[l]).join(l === 'de' ? ' oder ' : ' or '));
}

/**
 * Employed or job-seeking: the fact given decides; when only the other one is known to be true,
 * this one counts as false (a company's staff are not job seekers unless `jobSeeker` says so, and
 * a job seeker is not employed unless `employed` says so).
 */
function statusFact(own: boolean | undefined, other: boolean | undefined): boolean | undefined {
  if (own !== undefined) return own;
  return other === true ? false : undefined;
}

/**
 * Whether the participant belongs to the group: `employed`/`jobSeeker` answer for employees and
 * job seekers, `targetGroups` for the rest (and may also name those two). Undefined: not known.
 */
export function belongsTo(participant: ParticipantFacts, code: string): boolean | undefined {
  if (participant.targetGroups?.includes(code)) return true;
  const status =
    code === 'employees' ? statusFact(participant.employed, participant.jobSeeker)
    : code === 'job-seekers' ? statusFact(participant.jobSeeker, participant.employed)
    : undefined;
  if (status !== undefined) return status;
  return participant.targetGroups === undefined ? undefined : false;
}
