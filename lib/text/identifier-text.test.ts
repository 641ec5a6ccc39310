import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierTextProblem, trimIdentifier } from './identifier-text';

describe('identifier text rules', () => {
  it('names the character and its position', () => {
    expect(identifierTextProblem('Serial number', 'AB\nC')).toBe(
      'Serial number "AB�C" has a line break (U+000A) at position 3; remove it.',
    );
    expect(identifierTextProblem('Code', 'X\u0000')).toMatch(/has a NUL character \(U\+0000\) at position 2/);
    expect(identifierTextProblem('Code', '\u001b[31m')).toMatch(/a control character \(U\+001B\) at position 1/);
    expect(identifierTextProblem('Code', 'A\u202eB')).toMatch(/a text-direction control \(U\+202E\) at position 2/);
    expect(identifierTextProblem('Code', 'A\rB')).toMatch(/a line break/);
    expect(identifierTextProblem('Code', 'A\u2028B')).toMatch(/a line break/);
    expect(identifierTextProblem('Code', 'A\ud800B')).toMatch(/broken character/);
    expect(identifierTextProblem('Code', '😀x\u0001')).toMatch(/at position 3/);
  });

  it('accepts printable text of any script', () => {
    for (const ok of ['SN-0001', 'Ｓ１', 'čřž-7', '序列-9', '00:1A:2B:3C:4D:5E', 'a b'])
      expect(identifierTextProblem('Code', ok)).toBeNull();
  });

  it('trims whitespace and invisible marks at the ends only', () => {
    expect(trimIdentifier('\ufeff  SN-1\u200b\r\n')).toBe('SN-1');
    expect(trimIdentifier('SN\u200b-1')).toBe('SN\u200b-1');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const t = trimIdentifier(s);
        expect(trimIdentifier(t)).toBe(t);
        expect(s.includes(t)).toBe(true);
      }),
      { seed: 3, numRuns: 2000 },
    );
  });
});
