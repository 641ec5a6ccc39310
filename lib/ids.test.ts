import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ID, parseId } from './ids';

describe('parseId', () => {
  it('reads every bigint id, with or without leading zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_ID }), (id) => {
        expect(parseId(String(id))).toBe(id);
      }),
    );
    expect(parseId('007')).toBe(7n);
  });

  it('takes a 19-digit number beyond bigint for no id at all, never for an error', () => {
    expect(parseId(String(MAX_ID))).toBe(MAX_ID);
    expect(parseId(String(MAX_ID + 1n))).toBeNull();
    expect(parseId('9999999999999999999')).toBeNull();
    expect(parseId('1'.repeat(20))).toBeNull();
  });

  it('refuses what is not a positive integer', () => {
    for (const text of [null, undefined, '', '0', '000', '-1', '+1', '1.0', '1e3', ' 1', '１', 'abc', '0x10']) {
      expect(parseId(text)).toBeNull();
    }
  });
});
