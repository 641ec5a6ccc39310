import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical-key';

const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('canonicalKey', () => {
  it('makes what a person reads as ABC123 one key', () => {
    const key = canonicalKey('ABC123');
    for (const variant of [
      'abc123',
      'ＡＢＣ１２３',
      'ABC123\u200b',
      '\u200bABC123',
      'AB\u200dC123',
      '\u0410BC123',
      'ABC12\u0417',
      'Abc123',
    ]) {
      expect(canonicalKey(variant), JSON.stringify(variant)).toBe(key);
    }
  });

  it('keeps serials that read differently apart', () => {
    for (const [a, b] of [
      ['ABC123', 'ABC124'],
      ['SN-1', 'SN1'],
      ['A', 'B'],
      ['00:1A:2B', '00:1A:2C'],
      ['É1', 'F1'],
    ]) {
      expect(canonicalKey(a)).not.toBe(canonicalKey(b));
    }
  });

  it('folds the confusable pairs of a printed label (0/O, 1/I/l as documented)', () => {
    expect(canonicalKey('SN-0O1')).toBe(canonicalKey('SN-o0l'));
    expect(canonicalKey('I1')).toBe(canonicalKey('li'));
  });

  it('is idempotent, case-insensitive and width-insensitive for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const key = canonicalKey(text);
        expect(canonicalKey(key)).toBe(key);
        expect(canonicalKey(text.toUpperCase())).toBe(key);
        expect(canonicalKey(text.toLowerCase())).toBe(key);
      }),
      { numRuns: 2000, seed: 13 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[!-~]{1,20}$/), (ascii) => {
        expect(canonicalKey(FULL_WIDTH(ascii))).toBe(canonicalKey(ascii));
        expect(canonicalKey(`\ufeff${ascii}\u200b`)).toBe(canonicalKey(ascii));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('keeps digits as digits, so keys sort like the serials they stand for', () => {
    expect(canonicalKey('ABC123')).toBe('abc123');
    expect(canonicalKey('SN-0002') < canonicalKey('SN-0010')).toBe(true);
    expect(canonicalKey('SN-OO1O')).toBe('sn-0010');
  });

  it('the ASCII fast path agrees with the general path', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ -~]{0,20}$/), (ascii) => {
        // A trailing ignorable forces the general path without changing the key.
        expect(canonicalKey(ascii)).toBe(canonicalKey(`${ascii}\u200b`));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
