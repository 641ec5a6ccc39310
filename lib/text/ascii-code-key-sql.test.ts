import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalKey } from './canonical-key';

/** What asciiCodeKeySql computes in SQL, written out in JavaScript: translate(lower(text), 'ilo', '110'). */
const translated = (text: string) => text.toLowerCase().replace(/[ilo]/g, (c) => ({ i: '1', l: '1', o: '0' })[c]!);

describe('asciiCodeKeySql', () => {
  it('equals canonicalKey for texts of ASCII letters, digits and dashes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,16}$/), (text) => {
        expect(translated(text)).toBe(canonicalKey(text));
      }),
      { numRuns: 5000, seed: 39 },
    );
  });
});
