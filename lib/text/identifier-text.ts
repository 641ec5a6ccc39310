/*
 * The text rules of identifiers (serial numbers, codes) that every door applies: the form, a paste, a
 * scan, the records API and the importer all reach these two functions through the shared zod schemas.
 */

// Scanners and spreadsheets add whitespace and invisible marks (a BOM, a zero-width space) at the ends.
const EDGE_JUNK = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/** Trims whitespace and invisible format characters from both ends; the inside is kept as entered. */
export function trimIdentifier(text: string): string {
  return text.replace(EDGE_JUNK, '');
}

const FORBIDDEN: [RegExp, string][] = [
  [/[\n\r\v\f\u0085\u2028\u2029]/u, 'a line break'],
  [/\u0000/u, 'a NUL character'],
  [/\t/u, 'a tab'],
  [/\p{Cc}/u, 'a control character'],
  [/\p{Bidi_Control}/u, 'a text-direction control'],
  [/\p{Cs}/u, 'a broken character (half of a surrogate pair)'],
  // Invisible or meaningless in print: a format character that is not default-ignorable (the key strips those),
  // private-use and unassigned code points, the blank Braille cell and the replacement characters.
  [/^(?=\p{Cf})(?!\p{Default_Ignorable_Code_Point})/u, 'an invisible formatting character'],
  [/\p{Co}/u, 'a private-use character'],
  [/\p{Cn}/u, 'an unassigned character'],
  [/[\u2800\uFFFC\uFFFD]/u, 'a blank or replacement character'],
];

const ANY_FORBIDDEN = /[\p{Cc}\p{Bidi_Control}\p{Cs}\p{Cf}\p{Co}\p{Cn}\u2028\u2029\u2800\uFFFC\uFFFD]/u;

function describe(ch: string): string | null {
  for (const [pattern, name] of FORBIDDEN) if (pattern.test(ch)) return name;
  return null;
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why this identifier cannot be stored, naming the first offending character and its position
 * (counted in characters from 1), or null. Line breaks, control characters, NUL, text-direction
 * controls and broken surrogates make an identifier that prints, scans or compares differently
 * from what the person saw.
 */
export function identifierTextProblem(label: string, text: string): string | null {
  // One scan for the usual case of a clean text: a 100,000-serial line is checked in milliseconds.
  if (!ANY_FORBIDDEN.test(text)) return null;
  let position = 0;
  for (const ch of text) {
    position++;
    const name = describe(ch);
    if (name) {
      const shown = [...text]
        .map((c) => (describe(c) ? '�' : c))
        .join('')
        .slice(0, 40);
      return `${label} "${shown}" has ${name} (${hex(ch)}) at position ${position}; remove it.`;
    }
  }
  return null;
}
