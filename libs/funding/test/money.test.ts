import { evaluateFunding, percentOfCents, programmePaysCents, SGB3_82 } from '../src';
import { EMPLOYEE, query } from './fixture';

describe('rounding: the company share is rounded half up to the cent, the programme pays the rest', () => {
  it.each([
    [333, 50, 167],
    [1, 50, 1],
    [3, 33.33, 1],
    [100_001, 75, 75_001],
    [99_999, 15, 15_000],
    [0, 50, 0],
  ])('%i cents × %d % = %i cents', (cents, percent, expected) => {
    expect(percentOfCents(cents, percent)).toBe(expected);
  });

  it.each([
    [333, 50, undefined, 166],
    [333, 100, undefined, 333],
    [333, 0, undefined, 0],
    [1_000_000, 50, 400_000, 400_000],
  ])('programme funding %d % of %i cents (cap %s) pays %i', (base, percent, cap, expected) => {
    expect(programmePaysCents(base, percent, cap)).toBe(expected);
  });

  it('per participant amounts always add up to the fee, and totals are sums of them', () => {
    const result = evaluateFunding([SGB3_82], query({ company: { headCount: 100 }, course: { priceCents: 123_457 }, participants: [{ ...EMPLOYEE, count: 3 }] })).programmes[0];
    const [group] = result.groups;
    expect(group.companyPaysCents).toBe(61_729); // 617.285 € → 617.29 €
    expect(group.programmePaysCents).toBe(61_728);
    expect(result.totals).toEqual({ participants: 3, coursePriceCents: 370_371, programmePaysCents: 185_184, companyPaysCents: 185_187 });
  });

  it('rejects amounts that are not whole cents', () => {
    expect(() => evaluateFunding([SGB3_82], query({ course: { priceCents: 10.5 } }))).toThrow(/priceCents/);
    expect(() => evaluateFunding([SGB3_82], query({ participants: [] }))).toThrow(/participants/);
    expect(() => evaluateFunding([SGB3_82], query({ course: { startDate: '1.4.2024' } }))).toThrow(/startDate/);
    expect(() => evaluateFunding([SGB3_82], query({ company: { districtKey: '17001' } }))).toThrow(/districtKey/);
    expect(() => evaluateFunding([SGB3_82], query({ company: { headCount: -1 } }))).toThrow(/headCount/);
  });
});
