import type { CompanyFacts, CourseFacts, ParticipantFacts, ReasonStatus } from '../model/query';
import type { StateCode } from '../region/states';
import type { Text } from '../model/text';

/** What a condition is checked against. */
export interface CheckContext {
  programmeId: string;
  company: CompanyFacts;
  state?: StateCode;
  course: CourseFacts;
  /** ISO date the rules are read at (course start, else evaluation date). */
  referenceDate: string;
  /** Present while checking the conditions of one participant group. */
  participant?: ParticipantFacts;
  /** Short names (legal basis) of programmes, for "not funded under …" texts. */
  programmeNames: ReadonlyMap<string, Text>;
}

export interface Check {
  status: ReasonStatus;
  text: Text;
}

export const met = (text: Text): Check => ({ status: 'met', text });
export const unmet = (text: Text): Check => ({ status: 'unmet', text });
export const unknown = (text: Text): Check => ({ status: 'unknown', text });

/** Three-valued result from a yes/no/don't-know fact. */
export function checkFact(fact: boolean | undefined, ifMet: Text, ifUnmet: Text, ifUnknown: Text): Check {
  if (fact === undefined) return unknown(ifUnknown);
  return fact ? met(ifMet) : unmet(ifUnmet);
}
