import { evaluateFunding, SGB3_82, type ParticipantGroup, type ProgrammeEvaluation } from '../src';
import { EMPLOYEE, query } from './fixture';

const evaluate82 = (q: Parameters<typeof query>[0] = {}): ProgrammeEvaluation => evaluateFunding([SGB3_82], query(q)).programmes[0];

describe('§ 82 SGB III since 1 Apr 2024: employer share by head count', () => {
  it.each([
    [1, 0],
    [49, 0],
    [50, 50],
    [499, 50],
    [500, 75],
    [12_000, 75],
  ])('%i staff: company pays %i % of 3,000 €', (headCount, employerPercent) => {
    const result = evaluate82({ company: { headCount } });
    expect(result.applies).toBe(true);
    expect(result.version).toEqual({ validFrom: '2024-04-01' });
    expect(result.groups[0].companyPaysCents).toBe(3000 * employerPercent);
    expect(result.groups[0].programmePaysCents).toBe(300_000 - 3000 * employerPercent);
  });

  it('says so in the coordinator’s words', () => {
    const texts = evaluate82({ company: { headCount: 49 } }).reasons.map((r) => r.text);
    expect(texts).toContainEqual({ de: 'Betrieb unter 50 Beschäftigte: Eigenanteil 0 %', en: 'Company under 50 staff: own share 0 %' });
    expect(texts).toContainEqual({ de: 'Kurs über 120 Stunden (160 Std.)', en: 'Course over 120 hours (160 h)' });
  });
});

describe('§ 82 SGB III before 1 Apr 2024: agency share by head count', () => {
  it.each([
    [9, 100],
    [10, 50],
    [249, 50],
    [250, 25],
    [2499, 25],
    [2500, 15],
  ])('%i staff: agency pays %i %', (headCount, agencyPercent) => {
    const result = evaluate82({ company: { headCount }, course: { startDate: '2024-03-31' } });
    expect(result.version).toEqual({ validFrom: '2019-01-01', validUntil: '2024-03-31' });
    expect(result.groups[0].programmePaysCents).toBe(3000 * agencyPercent);
    expect(result.groups[0].companyPaysCents).toBe(300_000 - 3000 * agencyPercent);
  });
});

describe('§ 82 SGB III: the version is chosen by the course start date', () => {
  // 300 staff: the old version's agency share was 25 % (company 2,250 €), the new employer share is 50 % (1,500 €).
  it.each([
    ['2024-03-31', '2019-01-01', 225_000],
    ['2024-04-01', '2024-04-01', 150_000],
  ])('course starting %s uses the version from %s', (startDate, validFrom, companyPays) => {
    const result = evaluate82({ company: { headCount: 300 }, course: { startDate } });
    expect(result.version?.validFrom).toBe(validFrom);
    expect(result.groups[0].companyPaysCents).toBe(companyPays);
  });

  it('reads the old look-back of 4 years before April 2024', () => {
    const participants = [{ ...EMPLOYEE, qualificationYearsAgo: 3 }];
    expect(evaluate82({ participants, course: { startDate: '2024-03-31' } }).applies).toBe(false);
    expect(evaluate82({ participants, course: { startDate: '2024-04-01' } }).applies).toBe(true);
  });

  it('uses the evaluation date when the course has no start date', () => {
    const result = evaluateFunding([SGB3_82], query({ course: { startDate: undefined }, on: '2024-02-01' }));
    expect(result.referenceDateFrom).toBe('evaluationDate');
    expect(result.programmes[0].version?.validFrom).toBe('2019-01-01');
  });

  it('takes a Date as evaluation date (its UTC day)', () => {
    const result = evaluateFunding([SGB3_82], query({ course: { startDate: undefined } }));
    expect(result.referenceDate).toBe(new Date().toISOString().slice(0, 10));
    const at = evaluateFunding([SGB3_82], { ...query({ course: { startDate: undefined } }), on: new Date('2024-03-31T23:30:00Z') });
    expect(at.programmes[0].version?.validFrom).toBe('2019-01-01');
  });

  it('does not apply before its first version', () => {
    const result = evaluate82({ course: { startDate: '2018-12-31' } });
    expect(result.applies).toBe(false);
    expect(result.version).toBeUndefined();
    expect(result.reasons[0].text.de).toBe('Keine Regelfassung am 2018-12-31 in Kraft');
  });
});

describe('§ 82 SGB III: no own share for staff aged 45+ or severely disabled in firms under 500', () => {
  it.each<[string, number, ParticipantGroup, number]>([
    ['44, 100 staff', 100, { ...EMPLOYEE, age: 44 }, 150_000],
    ['45, 100 staff', 100, { ...EMPLOYEE, age: 45 }, 0],
    ['severely disabled, 499 staff', 499, { ...EMPLOYEE, severelyDisabled: true }, 0],
    ['45, 499 staff', 499, { ...EMPLOYEE, age: 60 }, 0],
    ['45, 500 staff', 500, { ...EMPLOYEE, age: 60 }, 225_000],
    ['severely disabled, 500 staff', 500, { ...EMPLOYEE, severelyDisabled: true }, 225_000],
  ])('%s', (_case, headCount, participant, companyPays) => {
    const result = evaluate82({ company: { headCount }, participants: [participant] });
    expect(result.groups[0].companyPaysCents).toBe(companyPays);
  });

  it('does not count a waiver whose facts are unknown, but says it is to be checked', () => {
    const result = evaluate82({ company: { headCount: 100 }, participants: [{ ...EMPLOYEE, age: undefined, severelyDisabled: undefined }] });
    expect(result.groups[0].companyPaysCents).toBe(150_000);
    expect(result.reasons.find((r) => r.status === 'unknown')?.text.de).toMatch(/^Ab 45 Jahren oder schwerbehindert.*: zu prüfen/);
    // Whether § 82 applies does not hang on it; only the amount might still go down.
    expect(result.toVerify).toBe(false);
  });

  it('counts groups of participants separately', () => {
    const result = evaluate82({ company: { headCount: 100 }, participants: [{ ...EMPLOYEE, count: 3 }, { ...EMPLOYEE, age: 50, count: 2 }] });
    expect(result.groups.map((g) => g.companyPaysCents)).toEqual([150_000, 0]);
    expect(result.totals).toEqual({ participants: 5, coursePriceCents: 1_500_000, programmePaysCents: 1_050_000, companyPaysCents: 450_000 });
  });
});

describe('§ 82 SGB III: conditions', () => {
  it.each<[string, Parameters<typeof query>[0], string]>([
    ['120 hours are not more than 120', { course: { hours: 120 } }, 'Kurs nicht über 120 Stunden (120 Std.)'],
    ['course not AZAV-approved', { course: { azavApproved: false } }, 'Maßnahme nicht nach AZAV zugelassen'],
    ['provider not AZAV-approved', { course: { providerAzavApproved: false } }, 'Träger nicht nach AZAV zugelassen'],
    ['funded 1 year ago', { participants: [{ ...EMPLOYEE, lastFundedUnder: [{ programmeId: 'sgb3-82', date: '2024-03-02' }] }] }, 'In den letzten 2 Jahren nach § 82 SGB III gefördert'],
    ['qualification 1 year ago', { participants: [{ ...EMPLOYEE, qualificationYearsAgo: 1 }] }, 'Berufsabschluss weniger als 2 Jahre her'],
    ['a job seeker, not employed', { participants: [{ ...EMPLOYEE, employed: false, jobSeeker: true }] }, 'Teilnehmende nicht Beschäftigte'],
  ])('%s: does not apply', (_case, overrides, reason) => {
    const result = evaluate82(overrides);
    expect(result.applies).toBe(false);
    expect(result.totals.programmePaysCents).toBe(0);
    expect(result.totals.companyPaysCents).toBe(300_000);
    expect(result.reasons.filter((r) => r.status === 'unmet').map((r) => r.text.de)).toEqual([reason]);
  });

  it.each([
    [121, true],
    [120.5, true],
    [120, false],
  ])('%d hours: applies %s', (hours, applies) => {
    expect(evaluate82({ course: { hours } }).applies).toBe(applies);
  });

  it('funding exactly 2 years before the start no longer counts; the day after does', () => {
    const at = (date: string) => evaluate82({ participants: [{ ...EMPLOYEE, lastFundedUnder: [{ programmeId: 'sgb3-82', date }] }] }).applies;
    expect(at('2023-03-01')).toBe(true);
    expect(at('2023-03-02')).toBe(false);
  });

  it('funding under another programme does not count', () => {
    const result = evaluate82({ participants: [{ ...EMPLOYEE, lastFundedUnder: [{ programmeId: 'sgb3-81-bildungsgutschein', date: '2025-01-01' }] }] });
    expect(result.applies).toBe(true);
  });

  it('applies "to be checked" when participant facts are missing', () => {
    const result = evaluate82({ participants: [{ employed: true, count: 4 }] });
    expect(result.applies).toBe(true);
    expect(result.toVerify).toBe(true);
    expect(result.reasons.filter((r) => r.status === 'unknown').map((r) => r.text.en)).toEqual(
      expect.arrayContaining(['Funding under § 82 SGB III in the last 2 years to be checked', 'Vocational qualification at least 2 years ago to be checked']),
    );
  });

  it('funds the eligible group only', () => {
    const result = evaluate82({ participants: [EMPLOYEE, { ...EMPLOYEE, qualificationYearsAgo: 0 }] });
    expect(result.applies).toBe(true);
    expect(result.groups.map((g) => g.eligible)).toEqual([true, false]);
    expect(result.totals.companyPaysCents).toBe(300_000);
  });

  it('lists the wage subsidy without inventing a rate', () => {
    expect(evaluate82().otherBenefits[0].de).toBe('Zuschuss zum Arbeitsentgelt möglich; Satz nicht hinterlegt (vom Betreiber zu pflegen)');
  });
});
