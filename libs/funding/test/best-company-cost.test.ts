import { bestCompanyCost, evaluateFunding, FEDERAL_PROGRAMMES, type FundingProgramme } from '../src';
import { EMPLOYEE, query } from './fixture';

const feeProgramme = (id: string, percent: number, extra: Partial<FundingProgramme> = {}): FundingProgramme => ({
  id,
  name: { de: id, en: id },
  legalBasis: { de: id, en: id },
  kind: 'course-fee-share',
  versions: [{ validFrom: '2020-01-01', conditions: [], benefits: [{ type: 'courseFeeShare', share: 'programme', bands: [{ minHeadCount: 0, percent }] }] }],
  ...extra,
});

describe('bestCompanyCost', () => {
  it('combines § 82 with a subsidiary regional programme on what § 82 leaves', () => {
    // 100 staff in Hessen: § 82 pays 50 % of 3,000 €; the example programme 50 % of the remaining 1,500 €.
    const best = bestCompanyCost(evaluateFunding(FEDERAL_PROGRAMMES, query({ company: { headCount: 100 } })));
    expect(best).toMatchObject({
      programmeIds: ['sgb3-82', 'example-he-qualifizierungsscheck'],
      shares: [{ programmeId: 'sgb3-82', paysCents: 150_000 }, { programmeId: 'example-he-qualifizierungsscheck', paysCents: 75_000 }],
      companyPaysCents: 75_000,
      companyPaysPerParticipantCents: [75_000],
      toVerify: false,
    });
  });

  it('takes § 82 alone where it already pays everything', () => {
    const best = bestCompanyCost(evaluateFunding(FEDERAL_PROGRAMMES, query({ company: { headCount: 30 } })));
    expect(best).toMatchObject({ programmeIds: ['sgb3-82'], companyPaysCents: 0 });
  });

  it('never combines programmes marked as not combinable', () => {
    const programmes = [feeProgramme('a', 60, { notCombinableWith: ['b'] }), feeProgramme('b', 50), feeProgramme('c', 30, { subsidiary: true })];
    const best = bestCompanyCost(evaluateFunding(programmes, query()));
    // a+c: 3,000 → 1,200 → 840 €; b+c: 1,500 → 1,050 €; a+b is excluded (it would be 600 → 420 €).
    expect(best.programmeIds).toEqual(['a', 'c']);
    expect(best.companyPaysCents).toBe(84_000);
  });

  it('reads the exclusion both ways', () => {
    const programmes = [feeProgramme('a', 60), feeProgramme('b', 50, { notCombinableWith: ['a'] })];
    expect(bestCompanyCost(evaluateFunding(programmes, query())).programmeIds).toEqual(['a']);
  });

  it('pays nothing when nothing applies, and costs the full fee for everyone', () => {
    const best = bestCompanyCost(evaluateFunding(FEDERAL_PROGRAMMES, query({ course: { hours: 40 }, company: { districtKey: '09162' }, participants: [{ ...EMPLOYEE, count: 2 }] })));
    expect(best).toMatchObject({ programmeIds: [], companyPaysCents: 600_000, participants: 2 });
    expect(bestCompanyCost(evaluateFunding([], query()))).toMatchObject({ programmeIds: [], companyPaysCents: 300_000 });
  });

  it('leaves programmes to be checked out on request', () => {
    const programmes = [feeProgramme('sure', 50), { ...feeProgramme('maybe', 100), versions: [{ validFrom: '2020-01-01', conditions: [{ type: 'participantAge' as const, atLeast: 50 }], benefits: [{ type: 'courseFeeCoverage' as const, percent: 100 }] }], notCombinableWith: ['sure'] }];
    const result = evaluateFunding(programmes, query({ participants: [{ employed: true }] }));
    expect(bestCompanyCost(result)).toMatchObject({ programmeIds: ['maybe'], toVerify: true, companyPaysCents: 0 });
    expect(bestCompanyCost(result, { confirmedOnly: true })).toMatchObject({ programmeIds: ['sure'], toVerify: false, companyPaysCents: 150_000 });
  });

  it('applies a cap per participant', () => {
    const capped = feeProgramme('capped', 100);
    (capped.versions[0].benefits[0] as { maxCentsPerParticipant?: number }).maxCentsPerParticipant = 100_000;
    const best = bestCompanyCost(evaluateFunding([capped], query({ participants: [{ ...EMPLOYEE, count: 2 }] })));
    expect(best).toMatchObject({ companyPaysCents: 400_000, shares: [{ programmeId: 'capped', paysCents: 200_000 }] });
  });
});
