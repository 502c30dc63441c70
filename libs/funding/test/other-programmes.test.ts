import { BILDUNGSURLAUB, evaluateFunding, SGB3_81_BILDUNGSGUTSCHEIN, SGB3_82A_QUALIFIZIERUNGSGELD, stateOfDistrict, type StateCode } from '../src';
import { EMPLOYEE, query } from './fixture';

describe('Bildungsurlaub: statutory in every Land except Bayern and Sachsen', () => {
  it.each<[string, string, StateCode, boolean]>([
    ['Waldeck-Frankenberg', '06635', 'HE', true],
    ['Köln', '05315', 'NW', true],
    ['München', '09162', 'BY', false],
    ['Leipzig', '14713', 'SN', false],
    ['Holzminden', '03255', 'NI', true],
    ['Jena', '16053', 'TH', true],
  ])('%s (%s, %s): applies %s', (_name, districtKey, state, applies) => {
    expect(stateOfDistrict(districtKey)).toBe(state);
    const result = evaluateFunding([BILDUNGSURLAUB], query({ company: { districtKey } })).programmes[0];
    expect(result.applies).toBe(applies);
    expect(result.totals.companyPaysCents).toBe(300_000);
    if (applies) expect(result.otherBenefits[0]).toEqual({ de: '5 Tage bezahlte Freistellung im Jahr', en: '5 days of paid leave a year' });
  });

  it('explains a refusal with the Land', () => {
    const result = evaluateFunding([BILDUNGSURLAUB], query({ company: { districtKey: '09162' } })).programmes[0];
    expect(result.reasons[0]).toEqual({
      status: 'unmet',
      text: {
        de: 'Bildungsurlaubsgesetz im Land des Betriebs: nicht erfüllt (Betrieb in Bayern: außerhalb des Geltungsbereichs)',
        en: "Educational leave act in the company's Land: not met (Company in Bavaria: outside the programme's area)",
      },
    });
  });

  it('is to be checked without a district key', () => {
    const result = evaluateFunding([BILDUNGSURLAUB], query({ company: { districtKey: undefined } })).programmes[0];
    expect(result).toMatchObject({ applies: true, toVerify: true });
  });
});

describe('Bildungsgutschein: job seekers, a course with a Maßnahmenummer', () => {
  const jobSeeker = { jobSeeker: true, age: 40 };
  it.each<[string, Parameters<typeof query>[0], boolean]>([
    ['approved course with number', { participants: [jobSeeker] }, true],
    ['number missing', { participants: [jobSeeker], course: { measureNumber: undefined } }, false],
    ['blank number', { participants: [jobSeeker], course: { measureNumber: '  ' } }, false],
    ['course not approved', { participants: [jobSeeker], course: { azavApproved: false } }, false],
    ['provider not approved', { participants: [jobSeeker], course: { providerAzavApproved: false } }, false],
    ['employed staff', { participants: [EMPLOYEE] }, false],
  ])('%s: applies %s', (_case, overrides, applies) => {
    const result = evaluateFunding([SGB3_81_BILDUNGSGUTSCHEIN], query(overrides)).programmes[0];
    expect(result.applies).toBe(applies);
    expect(result.totals.companyPaysCents).toBe(applies ? 0 : 300_000);
  });

  it('names the missing number', () => {
    const result = evaluateFunding([SGB3_81_BILDUNGSGUTSCHEIN], query({ participants: [jobSeeker], course: { measureNumber: undefined } })).programmes[0];
    expect(result.reasons.find((r) => r.status === 'unmet')?.text).toEqual({ de: 'Maßnahmenummer (AZAV) fehlt', en: 'AZAV measure number missing' });
  });
});

describe('Qualifizierungsgeld: ≥ 10 % of staff affected, ≥ 20 % from 250 staff', () => {
  it.each([
    [100, 10, true],
    [100, 9, false],
    [249, 25, true], // 10.04 %
    [249, 24, false], // 9.64 %
    [250, 50, true],
    [250, 49, false],
    [1000, 200, true],
    [1000, 199, false],
  ])('%i staff, %i affected: applies %s', (headCount, affected, applies) => {
    const company = { headCount, staffAffectedByStructuralChange: affected, hasQualificationAgreement: true };
    const result = evaluateFunding([SGB3_82A_QUALIFIZIERUNGSGELD], query({ company, course: { startDate: '2025-01-01' } })).programmes[0];
    expect(result.applies).toBe(applies);
  });

  it('needs an agreement', () => {
    const company = { headCount: 100, staffAffectedByStructuralChange: 50, hasQualificationAgreement: false };
    const result = evaluateFunding([SGB3_82A_QUALIFIZIERUNGSGELD], query({ company })).programmes[0];
    expect(result.applies).toBe(false);
  });

  it('does not exist before 1 April 2024', () => {
    const company = { headCount: 100, staffAffectedByStructuralChange: 50, hasQualificationAgreement: true };
    expect(evaluateFunding([SGB3_82A_QUALIFIZIERUNGSGELD], query({ company, course: { startDate: '2024-03-31' } })).programmes[0].applies).toBe(false);
    expect(evaluateFunding([SGB3_82A_QUALIFIZIERUNGSGELD], query({ company, course: { startDate: '2024-04-01' } })).programmes[0].applies).toBe(true);
  });

  it('replaces 60 % (67 % with a child) of lost net pay, rounded to the cent, and leaves the course fee to the employer', () => {
    const company = { headCount: 100, staffAffectedByStructuralChange: 50, hasQualificationAgreement: true };
    const participants = [
      { ...EMPLOYEE, lostNetPayCents: 210_001 },
      { ...EMPLOYEE, lostNetPayCents: 210_001, hasChild: true },
      { ...EMPLOYEE },
    ];
    const result = evaluateFunding([SGB3_82A_QUALIFIZIERUNGSGELD], query({ company, participants })).programmes[0];
    // 60 % of 2,100.01 € = 1,260.006 € → 1,260.01 €; 67 % = 1,407.0067 € → 1,407.01 €.
    expect(result.groups.map((g) => g.wageReplacementCentsPerMonth)).toEqual([126_001, 140_701, undefined]);
    expect(result.totals.companyPaysCents).toBe(900_000);
  });
});
