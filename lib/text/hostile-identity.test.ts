import { describe, expect, it } from 'vitest';
import { eanSchema } from '@/lib/validation/ean';
import { canonicalKey } from './canonical-key';
import { identifierTextProblem, trimIdentifier } from './identifier-text';

/*
 * Found by the hostile tester (December 2026): over the records API these serials and codes were accepted
 * beside ABC-style originals and render identically in the agenda and lists (GR with HXQ458260 and
 * HXQ458260 + U+2800 both "In stock"; items LAP-14 and LAP-14 + U+2800 / U+FFF9; warehouse MAIN twice).
 * The README promises that serials a person reads as the same are one serial, and the same for codes.
 */
const stored = (text: string) => trimIdentifier(text);
const sameOrRefused = (base: string, variant: string) =>
  identifierTextProblem('Serial number', stored(variant)) !== null ||
  canonicalKey(stored(variant)) === canonicalKey(stored(base));

describe('identifiers that only look different (hostile findings)', () => {
  it.each([
    ['U+2800 braille pattern blank at the end', 'HXQ458260\u2800'],
    ['U+2800 braille pattern blank inside', 'HXQ\u2800458260'],
    ['U+FFF9 interlinear annotation anchor (a format character, not default-ignorable)', 'HXQ458260\ufff9'],
    ['U+FFFB interlinear annotation terminator', 'HXQ458260\ufffb'],
    ['U+13430 Egyptian hieroglyph format control', 'HXQ458260\u{13430}'],
  ])('refuses or folds %s', (_name, variant) => {
    expect(sameOrRefused('HXQ458260', variant)).toBe(true);
  });

  // GS1: GTIN-8/12/13/14 are one number right-aligned in 14 digits; 08590000000015 is the GTIN-13
  // 8590000000015. Both were accepted on two items, and a receipt line {"EAN": "08590000000909"} answered
  // "No item with EAN 08590000000909 exists" although PAPER-A4 carries 8590000000909.
  it('stores a GTIN the same way whatever its zero padding', () => {
    expect(eanSchema.parse('08590000000015')).toBe(eanSchema.parse('8590000000015'));
    expect(eanSchema.parse('0036000291452')).toBe(eanSchema.parse('036000291452'));
  });
});
