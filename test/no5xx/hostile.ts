import fc from 'fast-check';

/**
 * What an attacker types into a field, a query parameter or a JSON body: control characters, broken
 * UTF-16, numbers beyond every column, impossible dates, syntax of our own mini-languages, huge text.
 */
/** What broke the server before: control characters, broken UTF-16, impossible dates, numbers beyond bigint. */
export const NASTY_TEXTS = [
  '\u0000',
  'a\u0000b',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\uD800',
  'x\uDC00',
  '0000-01-01',
  '2026-02-30',
  '9999-12-31',
  '1899-12-31',
  '2026-02-30T10:00Z',
  '2026-01-01T24:00Z',
  '2026-01-01T10:00+99:00',
  '9'.repeat(19),
  '9'.repeat(20),
  '9223372036854775808',
  '-9223372036854775809',
  '1e400',
  '123456789012345678901234567890.123456789',
];

export const SPECIAL_TEXTS = [
  ...NASTY_TEXTS,
  '',
  ' ',
  '\t\n',
  '😀',
  '👨‍👩‍👧',
  '0',
  '-0',
  '+1',
  '-1',
  '00',
  '1E5',
  '1e-400',
  'NaN',
  'Infinity',
  '0x10',
  '1_000',
  '9223372036854775807',
  '0.00001',
  '12345678901234567.1234',
  '1,5',
  '١٢٣',
  '2025-02-29',
  '2026-13-01',
  '2026-1-1',
  '+02026-01-01',
  '2026-01-01T10:00:00.1234567891234Z',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  '%',
  '%00',
  '%zz',
  '\\',
  "'",
  '"',
  '(',
  ')',
  ',',
  ':',
  '.',
  '..',
  '/',
  '((Code:equals:x)',
  '(Code:equals:x))',
  '(:equals:)',
  "'; drop table item; --",
  '<script>alert(1)</script>',
  '=cmd|" /C calc"!A0',
  'a'.repeat(201),
  'x'.repeat(5000),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Ordinary text with one poisoned character in it: what slips past a check of the first or last character. */
export const poisonedText = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u001b'),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, c, b]) => a + c + b);

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  { weight: 2, arbitrary: poisonedText },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), loneSurrogate),
      maxLength: 12,
    }),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

/** Any JSON value, with hostile strings and numbers in it, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.double(),
    fc.integer(),
    fc.constantFrom(1e21, -0, 2 ** 63, Number.MAX_SAFE_INTEGER + 2),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A value of a known field: usually hostile, sometimes plausible, so requests also get past the first check. */
export const fieldValue = (plausible: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...plausible) }, { weight: 3, arbitrary: hostileJson });

/**
 * Percent-encodes text the way a hostile client can, lone surrogates included (encodeURIComponent throws
 * on those; their WTF-8 bytes, e.g. %ED%A0%80, are what reaches a server).
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0xd800 || code > 0xdfff) {
      out += encodeURIComponent(char);
      continue;
    }
    const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }
  return out;
}

/** Bytes that are no valid percent-encoded UTF-8 at all. */
const RAW_FRAGMENTS = ['%00', '%ED%A0%80', '%FF', '%', '%zz', '%C0%80', '%E2%82', '+', '&&', '=='];

/**
 * A query string over the given parameter names (and unknown ones), with repeated parameters, values
 * of hostile text and, now and then, raw byte sequences no browser would send.
 */
export function hostileQuery(
  names: readonly string[],
  valueOf: (name: string) => fc.Arbitrary<string> = () => hostileText,
  maxPairs = 6,
): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names, 'unknown_param') },
    { weight: 1, arbitrary: hostileText },
  );
  const pair = name.chain((n) =>
    fc.oneof(
      { weight: 5, arbitrary: valueOf(n).map((v) => `${percentEncode(n)}=${percentEncode(v)}`) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_FRAGMENTS).map((raw) => `${percentEncode(n)}=${raw}`) },
    ),
  );
  return fc.array(pair, { maxLength: maxPairs }).map((pairs) => (pairs.length ? `?${pairs.join('&')}` : ''));
}
