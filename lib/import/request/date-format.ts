/**
 * Zoho's `format` of a date mapping: a pattern such as dd.MM.yyyy, MM/dd/yyyy or yyyyMMdd. Only the
 * day, month and year tokens exist for dates; everything else in the pattern is a literal separator.
 */
const TOKEN = /yyyy|yy|MM|M|dd|d/g;

type Part = { token: string } | { literal: string };

function partsOf(pattern: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ literal: pattern.slice(last, match.index) });
    parts.push({ token: match[0] });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
  return parts;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN_REGEX: Record<string, string> = {
  yyyy: '(\\d{4})',
  yy: '(\\d{2})',
  MM: '(\\d{2})',
  M: '(\\d{1,2})',
  dd: '(\\d{2})',
  d: '(\\d{1,2})',
};

/** Why a pattern cannot be used, or null when it has exactly one day, one month and one year token. */
export function datePatternProblem(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > 40) return 'The date format must be a pattern such as dd.MM.yyyy.';
  const tokens = partsOf(pattern).flatMap((part) => ('token' in part ? [part.token[0]] : []));
  const counts = { y: 0, M: 0, d: 0 } as Record<string, number>;
  for (const letter of tokens) counts[letter]++;
  if (counts.y !== 1 || counts.M !== 1 || counts.d !== 1) {
    return `The date format '${pattern}' must contain the day (dd), the month (MM) and the year (yyyy) once each.`;
  }
  return null;
}

/**
 * Rewrites a date written in `pattern` as yyyy-MM-dd, the form the shared document schema takes (it
 * then decides whether the date exists). Null when the text does not have the pattern's shape.
 */
export function reformatDate(text: string, pattern: string): string | null {
  const parts = partsOf(pattern);
  const regex = new RegExp(
    `^${parts.map((p) => ('token' in p ? TOKEN_REGEX[p.token] : escapeRegex(p.literal))).join('')}$`,
  );
  const match = text.trim().match(regex);
  if (!match) return null;
  const values: Record<string, string> = {};
  parts
    .filter((p): p is { token: string } => 'token' in p)
    .forEach((p, index) => {
      values[p.token[0]] = match[index + 1];
    });
  // Two-digit years are read as 20yy: imports carry current business documents, not birth dates.
  const year = values.y.length === 2 ? `20${values.y}` : values.y;
  return `${year}-${values.M.padStart(2, '0')}-${values.d.padStart(2, '0')}`;
}
