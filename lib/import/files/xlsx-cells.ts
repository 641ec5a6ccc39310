import { trimZeros } from '@/lib/decimal';

/** Conversions of Excel cell values to the text a CSV of the same data would hold. */

/** Expands "1.5e-7" / "1.2345e+21" to plain decimal digits. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole + fraction;
  const pointPosition = whole.length + Number(exponentText);
  let plain: string;
  if (pointPosition <= 0) plain = `0.${'0'.repeat(-pointPosition)}${digits}`;
  else if (pointPosition >= digits.length) plain = digits + '0'.repeat(pointPosition - digits.length);
  else plain = `${digits.slice(0, pointPosition)}.${digits.slice(pointPosition)}`;
  return sign + trimZeros(plain.replace(/^0+(?=\d)/, ''));
}

/**
 * The raw number text of a cell as plain decimal text. Excel stores up to 17 significant
 * digits ("0.30000000000000004", "1.1000000000000001") but shows 15, so we round to 15 like
 * Excel does; whole numbers are kept exactly as written, and exponents are spelled out.
 */
export function numberText(raw: string): string {
  const trimmed = raw.trim();
  if (/^-?\d+$/.test(trimmed)) return trimmed;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return trimmed;
  const rounded = Number(value.toPrecision(15));
  return expandExponent(String(rounded));
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Excel dates carry no time zone; read-excel-file hands them over as UTC. A date without a
 * time of day becomes yyyy-MM-dd (Zoho's date format), anything else yyyy-MM-ddTHH:mm:ss.
 */
export function dateText(date: Date): string {
  // Times are fractions of a day in Excel and rarely land on a whole millisecond: round to the second.
  const rounded = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${rounded.getUTCFullYear()}-${twoDigits(rounded.getUTCMonth() + 1)}-${twoDigits(rounded.getUTCDate())}`;
  const hours = rounded.getUTCHours();
  const minutes = rounded.getUTCMinutes();
  const seconds = rounded.getUTCSeconds();
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  return `${day}T${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(seconds)}`;
}

/** Any value read-excel-file returns, as text. Numbers arrive already as text (see parse-xlsx). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(String(value));
  if (value instanceof Date) return dateText(value);
  return String(value);
}
