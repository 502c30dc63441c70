import { BILDUNGSURLAUB, bestCompanyCost, evaluateFunding, explainFunding, FEDERAL_PROGRAMMES, SGB3_82 } from '../src';
import { query } from './fixture';

describe('explainFunding: one line for a coordinator', () => {
  it.each([
    [30, 'Eigenanteil 0 € nach § 82 SGB III', 'Company pays €0 under § 82 SGB III'],
    [100, 'Eigenanteil 1.500 € nach § 82 SGB III', 'Company pays €1,500 under § 82 SGB III'],
  ])('%i staff', (headCount, de, en) => {
    const result = evaluateFunding([SGB3_82], query({ company: { headCount } }));
    expect(explainFunding(result, 'de')).toBe(de);
    expect(explainFunding(result, 'en')).toBe(en);
    expect(explainFunding(bestCompanyCost(result), 'de')).toBe(de);
  });

  it('names a refusal with its first unmet reason', () => {
    const [evaluation] = evaluateFunding([SGB3_82], query({ course: { hours: 80 } })).programmes;
    expect(explainFunding(evaluation, 'de')).toBe('§ 82 SGB III nicht anwendbar: Kurs nicht über 120 Stunden (80 Std.)');
    expect(explainFunding(evaluation, 'en')).toBe('§ 82 SGB III does not apply: Course not over 120 hours (80 h)');
  });

  it('says when nothing funds the fee, and when conditions remain to be checked', () => {
    const none = evaluateFunding(FEDERAL_PROGRAMMES, query({ course: { hours: 80 }, company: { districtKey: '14713' } }));
    expect(explainFunding(none, 'de')).toBe('Keine Förderung der Lehrgangskosten: Eigenanteil 3.000 €');
    const open = evaluateFunding([SGB3_82], query({ participants: [{ employed: true }] }));
    expect(explainFunding(open, 'en')).toBe('Company pays €0 under § 82 SGB III (conditions to be checked)');
  });

  it('names what a programme without fee funding gives', () => {
    const [leave] = evaluateFunding([BILDUNGSURLAUB], query()).programmes;
    expect(explainFunding(leave, 'de')).toBe('Bildungsurlaubsgesetze der Länder: 5 Tage bezahlte Freistellung im Jahr');
    expect(explainFunding(leave, 'en')).toBe("Länder's educational leave acts: 5 days of paid leave a year");
  });

  it('shows cents only when there are any (49,998.5 cents round up)', () => {
    const result = evaluateFunding([SGB3_82], query({ company: { headCount: 100 }, course: { priceCents: 99_997 } }));
    expect(explainFunding(result, 'de')).toBe('Eigenanteil 499,99 € nach § 82 SGB III');
    expect(explainFunding(result, 'en')).toBe('Company pays €499.99 under § 82 SGB III');
  });
});

describe('the README example', () => {
  it('computes what the README says', () => {
    const result = evaluateFunding(FEDERAL_PROGRAMMES, {
      company: { headCount: 100, districtKey: '06635' },
      participants: [{ employed: true, age: 38, qualificationYearsAgo: 6, lastFundedUnder: [], count: 3 }],
      course: { hours: 160, priceCents: 300_000, azavApproved: true, measureNumber: '955/123/24', providerAzavApproved: true, startDate: '2025-03-01' },
    });
    expect(bestCompanyCost(result)).toMatchObject({ programmeIds: ['sgb3-82', 'example-he-qualifizierungsscheck'], companyPaysCents: 225_000 });
    expect(explainFunding(result, 'de')).toBe('Eigenanteil 2.250 € nach § 82 SGB III und Beispiel-Landesprogramm Hessen');
    expect(explainFunding(result, 'en')).toBe('Company pays €2,250 under § 82 SGB III and example Hessen programme');
  });
});
