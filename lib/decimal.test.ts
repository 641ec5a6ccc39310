import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDecimals, fromScaled, toScaled, trimZeros } from './decimal';

/**
 * The reference: a scaled bigint printed the way PostgreSQL prints a numeric of that scale ("-1.500"),
 * by bigint division, independently of the string handling under test.
 */
function reference(value: bigint, scale: number): string {
  const unit = 10n ** BigInt(scale);
  const magnitude = value < 0n ? -value : value;
  const fraction = scale === 0 ? '' : `.${(magnitude % unit).toString().padStart(scale, '0')}`;
  return `${value < 0n ? '-' : ''}${magnitude / unit}${fraction}`;
}

const scales = fc.integer({ min: 0, max: 6 });
const values = fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n });

describe('exact decimals', () => {
  it('reads a decimal text into its scaled bigint', () => {
    fc.assert(
      fc.property(values, scales, (value, scale) => {
        expect(toScaled(reference(value, scale), scale)).toBe(value);
      }),
    );
  });

  it('prints a scaled bigint as the shortest text of the same value', () => {
    fc.assert(
      fc.property(values, scales, (value, scale) => {
        const text = fromScaled(value, scale);
        expect(text).toBe(trimZeros(reference(value, scale)));
        expect(text).not.toMatch(/\.\d*0$|\.$|^-0$/);
        expect(toScaled(text, scale)).toBe(value);
      }),
    );
  });

  it('adds like bigints do', () => {
    fc.assert(
      fc.property(values, values, scales, (a, b, scale) => {
        expect(addDecimals(reference(a, scale), reference(b, scale), scale)).toBe(trimZeros(reference(a + b, scale)));
      }),
    );
  });

  it('trims trailing zeros without changing the value', () => {
    fc.assert(
      fc.property(values, scales, fc.integer({ min: 0, max: 4 }), (value, scale, extra) => {
        const padded = reference(value * 10n ** BigInt(extra), scale + extra);
        expect(trimZeros(padded)).toBe(fromScaled(value, scale));
      }),
    );
  });

  it('refuses more decimals than the scale instead of cutting them off', () => {
    fc.assert(
      fc.property(
        values.filter((v) => v % 10n !== 0n),
        scales,
        (value, scale) => {
          expect(() => toScaled(reference(value, scale + 1), scale)).toThrow(RangeError);
        },
      ),
    );
    expect(() => toScaled('1e3', 3)).toThrow(RangeError);
    expect(() => toScaled('', 3)).toThrow(RangeError);
  });

  it('examples', () => {
    expect(addDecimals('0.1', '0.2', 3)).toBe('0.3');
    expect(addDecimals('999999999999.999', '0.001', 3)).toBe('1000000000000');
    expect(addDecimals('5', '2.5', 3)).toBe('7.5');
    expect(trimZeros('5.000')).toBe('5');
    expect(trimZeros('0.000')).toBe('0');
    expect(trimZeros('10.500')).toBe('10.5');
    expect(trimZeros('100')).toBe('100');
    expect(toScaled('-0.5', 3)).toBe(-500n);
    expect(fromScaled(-500n, 3)).toBe('-0.5');
  });
});
