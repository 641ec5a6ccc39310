import { describe, expect, it, vi } from 'vitest';
import { canonicalKey } from '@/lib/text/canonical-key';
import {
  MAX_SERIAL_LENGTH,
  expandShorthand,
  findDuplicates,
  generateSerialRange,
  normaliseSerial,
  parseRangeShorthand,
  serialPrefix,
  serialTextProblem,
  splitSerialList,
  suggestNextNumber,
} from './parse';

// Counted, not timed: findDuplicates must take one canonical key per serial. Its wall time at 10,000 serials
// is a bench figure (bench/serials-bench.ts, npm run perf:serials).
vi.mock('@/lib/text/canonical-key', async (original) => {
  const actual = await original<typeof import('@/lib/text/canonical-key')>();
  return { ...actual, canonicalKey: vi.fn(actual.canonicalKey) };
});

describe('splitSerialList', () => {
  it('splits on line breaks and tabs only, trimming and dropping empties', () => {
    expect(splitSerialList('SN-1\nSN-2\r\nSN-3\tSN-4\n\n  \n')).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4']);
  });
  it('keeps commas and semicolons, which can be part of a serial, and never expands a line that reads as a range', () => {
    expect(splitSerialList('LOT 7, BOX 2\nA;B\nUIW-K12-345\nSN-0001-SN-0050')).toEqual([
      'LOT 7, BOX 2',
      'A;B',
      'UIW-K12-345',
      'SN-0001-SN-0050',
    ]);
  });
  it('keeps MAC addresses, IMEIs, leading zeros, case and inner spaces exactly', () => {
    expect(splitSerialList(' 00:1A:2B:3C:4D:5E \n356938035643809\n0007\nab-Cd\nLOT 7 X')).toEqual([
      '00:1A:2B:3C:4D:5E',
      '356938035643809',
      '0007',
      'ab-Cd',
      'LOT 7 X',
    ]);
  });
  it('returns nothing for blank text', () => {
    expect(splitSerialList(' \n\r\t ')).toEqual([]);
  });
});

describe('generateSerialRange', () => {
  it('pads numbers and keeps prefix and suffix', () => {
    const serials = generateSerialRange({ prefix: 'SN-', start: 1, count: 50, padTo: 4 });
    expect(serials).toHaveLength(50);
    expect(serials[0]).toBe('SN-0001');
    expect(serials[49]).toBe('SN-0050');
    expect(generateSerialRange({ prefix: '', start: 98, count: 3, padTo: 2, suffix: '/B' })).toEqual([
      '98/B',
      '99/B',
      '100/B',
    ]);
  });
  it('refuses a count below 1 or above 100000 and a negative start', () => {
    expect(() => generateSerialRange({ prefix: 'SN-', start: 1, count: 0, padTo: 4 })).toThrow(/at least 1/);
    expect(() => generateSerialRange({ prefix: 'SN-', start: 1, count: 100_001, padTo: 4 })).toThrow(/at most 100,000/);
    expect(() => generateSerialRange({ prefix: 'SN-', start: -1, count: 5, padTo: 4 })).toThrow(/0 or more/);
    expect(() => generateSerialRange({ prefix: 'SN-', start: 1.5, count: 5, padTo: 4 })).toThrow(/whole number/);
  });
  it('generates the maximum of 100000 quickly', () => {
    const serials = generateSerialRange({ prefix: 'X', start: 0, count: 100_000, padTo: 6 });
    expect(serials[99_999]).toBe('X099999');
  });
  it('refuses serials longer than the maximum length', () => {
    expect(() => generateSerialRange({ prefix: 'P'.repeat(MAX_SERIAL_LENGTH), start: 1, count: 1, padTo: 1 })).toThrow(
      /at most 100 characters/,
    );
  });
});

describe('expandShorthand', () => {
  it('expands plain number ranges and start-plus-count', () => {
    expect(expandShorthand('1-5')).toEqual(['1', '2', '3', '4', '5']);
    expect(expandShorthand('10+3')).toEqual(['10', '11', '12']);
    expect(expandShorthand(' 1 - 3 ')).toEqual(['1', '2', '3']);
  });
  it('keeps a common prefix and the zero padding of the start', () => {
    const expected = ['SN-0008', 'SN-0009', 'SN-0010', 'SN-0011', 'SN-0012'];
    expect(expandShorthand('SN-0008-SN-0012')).toEqual(expected);
    expect(expandShorthand('SN-0008-0012')).toEqual(expected);
    expect(expandShorthand('SN-0010+3')).toEqual(['SN-0010', 'SN-0011', 'SN-0012']);
    expect(expandShorthand('SN-0998-SN-1001')).toEqual(['SN-0998', 'SN-0999', 'SN-1000', 'SN-1001']);
  });
  it('returns null for texts that are serials, not ranges', () => {
    for (const text of [
      'SN-7',
      '00:1A:2B:3C:4D:5E',
      '356938035643809',
      '2024-0001',
      '5-5',
      'SN-0008-XY-0012',
      '10+0',
      'ABC',
      '',
    ]) {
      expect(expandShorthand(text), text).toBeNull();
    }
  });
  it('treats digit runs too long for exact arithmetic as a serial', () => {
    expect(expandShorthand('12345678901234567890-12345678901234567899')).toBeNull();
  });
  it('caps a range at 100000 serials', () => {
    expect(expandShorthand('1+100000')).toHaveLength(100_000);
    expect(() => expandShorthand('1-100001')).toThrow(/at most 100,000/);
  });
});

describe('parseRangeShorthand', () => {
  it('says what a range-looking text would add, without generating it', () => {
    expect(parseRangeShorthand('UIW-K12-345')).toEqual({
      prefix: 'UIW-K',
      start: 12,
      count: 334,
      padTo: 2,
      first: 'UIW-K12',
      last: 'UIW-K345',
    });
    expect(parseRangeShorthand('SN-0001-SN-0050')).toMatchObject({ count: 50, first: 'SN-0001', last: 'SN-0050' });
    expect(parseRangeShorthand('1+5000000')).toMatchObject({ count: 5_000_000, last: '5000000' });
    expect(parseRangeShorthand('SN-7')).toBeNull();
    expect(parseRangeShorthand('2024-0001')).toBeNull();
  });
});

describe('suggestNextNumber', () => {
  it('continues after the highest serial with the prefix, keeping its digit count', () => {
    expect(suggestNextNumber(['SN-0003', 'SN-0010', 'SN-0007', 'XY-9999', 'SN-12A'], 'SN-')).toEqual({
      start: 11,
      padTo: 4,
    });
    expect(suggestNextNumber(['A7', 'A12'], 'A')).toEqual({ start: 13, padTo: 2 });
  });
  it('starts at 1 with 4 digits when nothing matches', () => {
    expect(suggestNextNumber([], 'SN-')).toEqual({ start: 1, padTo: 4 });
    expect(suggestNextNumber(['XY-0001'], 'SN-')).toEqual({ start: 1, padTo: 4 });
  });
  it('treats the prefix literally, not as a pattern', () => {
    expect(suggestNextNumber(['A.B0005', 'AxB0009'], 'A.B')).toEqual({ start: 6, padTo: 4 });
  });
});

describe('findDuplicates', () => {
  it('finds repeats by what they read as: exact, other case, full width, look-alike letters', () => {
    expect([...findDuplicates(['SN-1', 'SN-2', 'SN-1', 'SN-2', 'SN-3']).keys()]).toEqual(['SN-1', 'SN-2']);
    expect(findDuplicates(['SN-7', 'sn-7', 'ＳＮ-７', 'SN-7\u200b', '\u0405N-7'])).toEqual(
      new Map([
        ['sn-7', 'SN-7'],
        ['ＳＮ-７', 'SN-7'],
        ['SN-7\u200b', 'SN-7'],
        ['\u0405N-7', 'SN-7'],
      ]),
    );
    expect(findDuplicates([]).size).toBe(0);
  });
  it('handles 10,000 serials in linear time: one key per serial', () => {
    const serials = generateSerialRange({ prefix: 'SN-', start: 1, count: 10_000, padTo: 5 });
    vi.mocked(canonicalKey).mockClear();
    expect(findDuplicates([...serials, 'SN-00042'])).toEqual(new Map([['SN-00042', 'SN-00042']]));
    expect(vi.mocked(canonicalKey)).toHaveBeenCalledTimes(10_001);
  });
});

describe('normalising and checking serial text', () => {
  it('only trims, whitespace and invisible marks at the ends', () => {
    expect(normaliseSerial('  ab 01 \t')).toBe('ab 01');
    expect(normaliseSerial('\ufeffab 01\u200b\r\n')).toBe('ab 01');
  });
  it('refuses line breaks, control characters and direction controls, naming the position', () => {
    expect(serialTextProblem('AB\nC')).toBe('Serial number "AB�C" has a line break (U+000A) at position 3; remove it.');
    expect(serialTextProblem('A\u0001')).toMatch(/control character \(U\+0001\) at position 2/);
    expect(serialTextProblem('\u202eA')).toMatch(/text-direction control/);
  });
  it('refuses empty and over-long serials', () => {
    expect(serialTextProblem('')).toMatch(/empty/);
    expect(serialTextProblem('x'.repeat(MAX_SERIAL_LENGTH))).toBeNull();
    expect(serialTextProblem('x'.repeat(MAX_SERIAL_LENGTH + 1))).toMatch(/at most 100 characters/);
  });
  it('finds the prefix of a numbered serial', () => {
    expect(serialPrefix('SN-0042')).toBe('SN-');
    expect(serialPrefix('0042')).toBe('');
    expect(serialPrefix('ABC')).toBe('ABC');
  });
});
