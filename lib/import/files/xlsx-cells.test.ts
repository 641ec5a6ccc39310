import { describe, expect, it } from 'vitest';
import { cellText, dateText, numberText } from './xlsx-cells';

describe('numberText', () => {
  it.each([
    ['0', '0'],
    ['42', '42'],
    ['-7', '-7'],
    ['12345678901234567890', '12345678901234567890'],
    ['12.5', '12.5'],
    ['0.30000000000000004', '0.3'],
    ['1.1000000000000001', '1.1'],
    ['1E-7', '0.0000001'],
    ['-2.5E-3', '-0.0025'],
    ['1.5E+21', '1500000000000000000000'],
    ['1E+15', '1000000000000000'],
    ['123.456E2', '12345.6'],
  ])('%s -> %s', (raw, expected) => {
    expect(numberText(raw)).toBe(expected);
  });

  it('leaves text that is not a number alone', () => {
    expect(numberText('abc')).toBe('abc');
  });
});

describe('dateText', () => {
  it('writes midnight as a bare date', () => {
    expect(dateText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('writes a time of day, rounded to the second', () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 8, 3, 59, 600)))).toBe('2024-01-05T08:04:00');
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 23, 59, 59, 999)))).toBe('2024-01-06');
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['x', 'x'],
    [true, 'true'],
    [false, 'false'],
    [3.25, '3.25'],
    [1e21, '1000000000000000000000'],
    [new Date(Date.UTC(2020, 11, 31)), '2020-12-31'],
  ])('%j -> %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });
});
