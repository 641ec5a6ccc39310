import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatMoney, formatQuantity, plainDecimal } from './format';

describe('decimal display', () => {
  it('groups thousands and pads money to two places without rounding through floats', () => {
    expect(formatMoney('1234567.8900')).toBe('1,234,567.89');
    expect(formatMoney('0.1000')).toBe('0.10');
    expect(formatMoney('12.3456')).toBe('12.3456');
    expect(formatMoney('-1000')).toBe('-1,000.00');
  });
  it('shows quantities without needless zeros', () => {
    expect(formatQuantity('5.000')).toBe('5');
    expect(formatQuantity('2.500')).toBe('2.5');
    expect(formatDecimal(null)).toBe('—');
  });
  it("gives form fields the number without the column's trailing zeros or separators", () => {
    expect(
      ['2.0000', '2.5000', '12345.6700', '100.000', '0.000', '-0.50', '2.05', '100', ''].map(plainDecimal),
    ).toEqual(['2', '2.5', '12345.67', '100', '0', '-0.5', '2.05', '100', '']);
    expect(plainDecimal(null)).toBe('');
  });
});

describe('formatCount', () => {
  it('writes every whole number as toLocaleString("en") does, from one shared formatter', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(formatCount(n)).toBe(n.toLocaleString('en'));
      }),
    );
    expect(formatCount(10000)).toBe('10,000');
  });
});
