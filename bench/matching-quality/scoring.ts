/**
 * The matcher's answers against the judgements and expectations of the evaluation set.
 */
import { BundleSnapshotV1, GapSnapshotV1 } from '@bildungsraum/contracts';
import { EvalSet } from './eval-set';
import { hasGradeIn, mean, ndcgAt, pairsOf, precisionAt, round3, setScore, SetScore } from './metrics';

/** What the matcher proposed for one need, best first, in eval ids. */
export interface NeedAnswer {
  need: string;
  offers: string[];
  scores: number[];
  textSkills: string[];
}

export function scoreRanking(set: EvalSet, answers: readonly NeedAnswer[]) {
  const grades = new Map<string, Map<string, number>>();
  for (const judgement of set.judgements) {
    const byOffer = grades.get(judgement.need) ?? new Map<string, number>();
    byOffer.set(judgement.offer, judgement.grade);
    grades.set(judgement.need, byOffer);
  }
  const ndcgs: number[] = [];
  const precisions: number[] = [];
  const top3: boolean[] = [];
  const misses: string[] = [];
  let wrongProposals = 0;
  let proposals = 0;
  let proposalsWithoutRelevant = 0;
  for (const answer of answers) {
    const judged = grades.get(answer.need) ?? new Map<string, number>();
    const ranked = answer.offers.map((offer) => judged.get(offer) ?? 0);
    proposals += ranked.length;
    wrongProposals += ranked.filter((grade) => grade === 0).length;
    const ndcg = ndcgAt(5, ranked, [...judged.values()]);
    if (ndcg === undefined) {
      if (ranked.length) proposalsWithoutRelevant += 1;
      continue;
    }
    ndcgs.push(ndcg);
    precisions.push(precisionAt(5, ranked));
    const hasGrade3 = [...judged.values()].some((grade) => grade === 3);
    if (hasGrade3) top3.push(hasGradeIn(3, ranked, 3));
    if (ndcg < 0.999 || (hasGrade3 && !hasGradeIn(3, ranked, 3))) {
      const missed = [...judged.entries()].filter(([offer, grade]) => grade >= 2 && !answer.offers.slice(0, 5).includes(offer)).sort((a, b) => b[1] - a[1]);
      misses.push(
        `  ${answer.need} ${round3(ndcg).toFixed(2)} · ${answer.offers.map((offer, index) => `${offer}(${ranked[index]}) ${answer.scores[index]?.toFixed(2)}`).join(' ') || '—'} · missed ${missed.map(([offer, grade]) => `${offer}(${grade})`).join(' ') || '—'} · ${answer.textSkills.join('; ') || 'no text skills'}` +
          `\n      „${set.needTexts.get(answer.need) ?? ''}“`,
      );
    }
  }
  return {
    judgedNeeds: ndcgs.length,
    ndcg: round3(mean(ndcgs)),
    precision: round3(mean(precisions)),
    grade3InTop3: round3(mean(top3.map((hit) => (hit ? 1 : 0)))),
    grade3Needs: top3.length,
    proposals,
    proposalsPerNeed: round3(proposals / Math.max(1, answers.length)),
    wrongProposals,
    proposalsWithoutRelevant,
    misses,
  };
}

/**
 * Gaps are reported per district and ESCO skill group. A reported gap counts for an expected one
 * when the district is the same and its group or one of its skills is in the expected group, or its
 * needs are the expected needs; every other reported gap is one wrong finding per district and set of needs (the skills
 * a need was read as are one finding, not one per skill).
 */
export function scoreGaps(set: EvalSet, gaps: readonly GapSnapshotV1[]): SetScore & { notes: string[] } {
  const expectedKeys = new Set(set.gaps.map((gap) => `${gap.district}|${gap.group}`));
  const found = new Set<string>();
  const notes: string[] = [];
  for (const gap of gaps) {
    const needs = gap.needIds.map((id) => set.evalIdOf.get(id) ?? id).sort();
    const expected = set.gaps.find((candidate) => candidate.district === gap.districtKey && (candidate.skillUris.includes(gap.skillGroup) || gap.skillUris.some((uri) => candidate.skillUris.includes(uri)) || needs.every((need) => candidate.needs.includes(need))));
    const key = expected ? `${expected.district}|${expected.group}` : `${gap.districtKey}|${needs.join(',')}`;
    if (!found.has(key)) notes.push(`  ${expected ? 'right' : 'WRONG'} ${gap.districtKey} ${expected?.group ?? ''} needs ${needs.join(',')} (skill ${gap.skillGroup.split('/').pop()})`);
    found.add(key);
  }
  for (const gap of set.gaps) if (!found.has(`${gap.district}|${gap.group}`)) notes.push(`  MISSED ${gap.district} ${gap.group} (${gap.needs.join(',')})`);
  const score = setScore(found, expectedKeys);
  return { ...round(score), notes };
}

/** Bundles as pairs of needs (of different companies) pooled together, against the expected groups' pairs. */
export function scoreBundles(set: EvalSet, bundles: readonly BundleSnapshotV1[]): SetScore & { notes: string[] } {
  const expected = new Set(set.bundles.flatMap((bundle) => pairsOf(bundle.needs)));
  const found = new Set<string>();
  for (const bundle of bundles) {
    const needs = bundle.needs.map((member) => set.evalIdOf.get(member.needId) ?? member.needId);
    for (const pair of pairsOf(needs)) {
      const [a, b] = pair.split('|');
      if (set.companyOfNeed.get(a as string) !== set.companyOfNeed.get(b as string)) found.add(pair);
    }
  }
  const notes = [
    ...[...found].filter((pair) => !expected.has(pair)).map((pair) => `  WRONG ${pair}`),
    ...[...expected].filter((pair) => !found.has(pair)).map((pair) => `  MISSED ${pair}`),
  ];
  return { ...round(setScore(found, expected)), notes };
}

const round = (score: SetScore): SetScore => ({ ...score, precision: round3(score.precision), recall: round3(score.recall) });
