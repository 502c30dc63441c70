import { formatEuro, formatNumber } from './text';

describe('number and euro texts', () => {
  it.each([
    [0, '0', '0'],
    [120, '120', '120'],
    [2500, '2.500', '2,500'],
    [1234567.891, '1.234.567,89', '1,234,567.89'],
    [10.04, '10,04', '10.04'],
    [120.5, '120,5', '120.5'],
    [-2500, '-2.500', '-2,500'],
  ])('formatNumber(%d)', (value, de, en) => {
    expect(formatNumber(value, 'de')).toBe(de);
    expect(formatNumber(value, 'en')).toBe(en);
  });

  it.each([
    [0, '0 €', '€0'],
    [150_000, '1.500 €', '€1,500'],
    [49_999, '499,99 €', '€499.99'],
    [5, '0,05 €', '€0.05'],
    [400_000_00, '400.000 €', '€400,000'],
  ])('formatEuro(%i)', (cents, de, en) => {
    expect(formatEuro(cents, 'de')).toBe(de);
    expect(formatEuro(cents, 'en')).toBe(en);
  });
});
