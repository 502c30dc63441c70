import type { FundingResult, ProgrammeEvaluation } from '../model/query';
import { programmePaysCents } from './money';

export interface CombinationShare {
  programmeId: string;
  /** Total the programme pays for all participants, in euro cents. */
  paysCents: number;
}

/** The cheapest set of programmes for the company, and what each pays when combined. */
export interface CostCombination {
  /** Programmes in the order they are applied (non-subsidiary first); empty when none helps. */
  programmeIds: string[];
  legalBases: ProgrammeEvaluation['legalBasis'][];
  shares: CombinationShare[];
  participants: number;
  coursePriceCents: number;
  companyPaysCents: number;
  /** Per participant group, what the company pays per participant. */
  companyPaysPerParticipantCents: number[];
  /** A chosen programme still has conditions to be checked. */
  toVerify: boolean;
}

function combinable(a: ProgrammeEvaluation, b: ProgrammeEvaluation): boolean {
  return !a.notCombinableWith.includes(b.programmeId) && !b.notCombinableWith.includes(a.programmeId);
}

/**
 * Applies programmes one after the other to each participant's course fee: each funds its share
 * of what the ones before left to the company (subsidiary programmes come last, "nachrangig").
 */
function cost(set: ProgrammeEvaluation[], result: FundingResult): CostCombination {
  const ordered = [...set.filter((p) => !p.subsidiary), ...set.filter((p) => p.subsidiary)];
  const shares = new Map(ordered.map((p) => [p.programmeId, 0]));
  const counts = result.participantCounts;
  const perParticipant = counts.map((count, g) => {
    let remaining = result.coursePriceCents;
    for (const p of ordered) {
      const own = p.groups[g];
      if (!own?.eligible || own.programmeSharePercent === 0) continue;
      const pays = programmePaysCents(remaining, own.programmeSharePercent, own.maxCentsPerParticipant);
      remaining -= pays;
      shares.set(p.programmeId, (shares.get(p.programmeId) ?? 0) + pays * count);
    }
    return remaining;
  });
  const contributing = ordered.filter((p) => (shares.get(p.programmeId) ?? 0) > 0);
  return {
    programmeIds: contributing.map((p) => p.programmeId),
    legalBases: contributing.map((p) => p.legalBasis),
    shares: contributing.map((p) => ({ programmeId: p.programmeId, paysCents: shares.get(p.programmeId) ?? 0 })),
    participants: counts.reduce((n, c) => n + c, 0),
    coursePriceCents: counts.reduce((n, c) => n + c * result.coursePriceCents, 0),
    companyPaysCents: perParticipant.reduce((n, cents, g) => n + cents * counts[g], 0),
    companyPaysPerParticipantCents: perParticipant,
    toVerify: contributing.some((p) => p.toVerify),
  };
}

/**
 * The cheapest combination for the company among the applicable programmes, respecting
 * `notCombinableWith` (read both ways). Ties go to fewer programmes, then to those not "to be
 * checked". Programmes that pay no course fee (leave, wage replacement) never lower the cost and
 * so are not part of the answer; their evaluations still list them. Exhaustive over compatible
 * sets, which is fine for the handful of programmes a course can meet. With `confirmedOnly`,
 * programmes whose conditions are still "to be checked" are left out.
 */
export function bestCompanyCost(result: FundingResult, options: { confirmedOnly?: boolean } = {}): CostCombination {
  const candidates = result.programmes.filter((p) => p.applies && p.totals.programmePaysCents > 0 && !(options.confirmedOnly && p.toVerify));
  let best = cost([], result);
  const visit = (index: number, chosen: ProgrammeEvaluation[]): void => {
    if (index === candidates.length) {
      const option = cost(chosen, result);
      if (better(option, best)) best = option;
      return;
    }
    visit(index + 1, chosen);
    const next = candidates[index];
    if (chosen.every((p) => combinable(p, next))) visit(index + 1, [...chosen, next]);
  };
  visit(0, []);
  return best;
}

function better(a: CostCombination, b: CostCombination): boolean {
  if (a.companyPaysCents !== b.companyPaysCents) return a.companyPaysCents < b.companyPaysCents;
  if (a.programmeIds.length !== b.programmeIds.length) return a.programmeIds.length < b.programmeIds.length;
  return !a.toVerify && b.toVerify;
}
