import { canonicalKey } from '@/lib/text/canonical-key';
import { identifierTextProblem, trimIdentifier } from '@/lib/text/identifier-text';

/**
 * Pure helpers for entering serial numbers: splitting pasted lists, generating and expanding ranges,
 * suggesting the next number and finding duplicates. Serials are kept exactly as typed (case, inner
 * characters, leading zeros) because MAC addresses, IMEIs and supplier serials are not ours to change;
 * what counts as the same serial is decided by the canonical key (lib/text/canonical-key.ts).
 */

export const MAX_SERIAL_LENGTH = 100;
/** The largest range one action may produce: big enough for a container, small enough to stay fast. */
export const MAX_RANGE_COUNT = 100_000;

/** The only normalisation we apply: scanners and spreadsheets add whitespace and invisible marks at the ends. */
export function normaliseSerial(serial: string): string {
  return trimIdentifier(serial);
}

/** A message when a (normalised) serial cannot be stored as it is, or null when it can. Every door asks this. */
export function serialTextProblem(serial: string): string | null {
  if (serial.length === 0) return 'A serial number cannot be empty.';
  if (serial.length > MAX_SERIAL_LENGTH) {
    return `A serial number can have at most ${MAX_SERIAL_LENGTH} characters; "${serial.slice(0, 20)}…" has ${serial.length}.`;
  }
  return identifierTextProblem('Serial number', serial);
}

/**
 * Splits a pasted block into its lines, and nothing else: each line is one serial as written, never a
 * range. Tabs split too (the cells of a spreadsheet row): a tab can never be part of a serial. Commas and
 * semicolons stay, because they can be.
 */
export function splitSerialList(text: string): string[] {
  return text
    .split(/[\r\n\t\v\f\u0085\u2028\u2029]+/)
    .map(normaliseSerial)
    .filter((serial) => serial.length > 0);
}

export type SerialRangeOptions = { prefix: string; start: number; count: number; padTo: number; suffix?: string };

/** SN- / 1 / 50 / 4 → SN-0001 … SN-0050. Throws with a message fit for the user when the range is unusable. */
export function generateSerialRange({ prefix, start, count, padTo, suffix = '' }: SerialRangeOptions): string[] {
  assertRangeOptions(start, count, padTo);
  const serials = new Array<string>(count);
  for (let offset = 0; offset < count; offset++) {
    serials[offset] = `${prefix}${String(start + offset).padStart(padTo, '0')}${suffix}`;
  }
  const longest = serials[count - 1];
  if (longest.length > MAX_SERIAL_LENGTH) {
    throw new Error(
      `Serial numbers can have at most ${MAX_SERIAL_LENGTH} characters; this range makes ${longest.length}.`,
    );
  }
  return serials;
}

function assertRangeOptions(start: number, count: number, padTo: number): void {
  if (!Number.isInteger(count) || count < 1)
    throw new Error('The count of a range must be a whole number of at least 1.');
  if (count > MAX_RANGE_COUNT) {
    throw new Error(
      `A range can hold at most ${MAX_RANGE_COUNT.toLocaleString('en')} serial numbers; ${count.toLocaleString('en')} were asked for.`,
    );
  }
  if (!Number.isInteger(start) || start < 0)
    throw new Error('The start number of a range must be a whole number, 0 or more.');
  if (!Number.isSafeInteger(start + count - 1)) throw new Error('The start number of the range is too large.');
  if (!Number.isInteger(padTo) || padTo < 0 || padTo > MAX_SERIAL_LENGTH) {
    throw new Error(`Digits must be a whole number from 0 to ${MAX_SERIAL_LENGTH}.`);
  }
}

// `SN-0008-SN-0012`, `SN-0008-0012`, `1-5`: the prefix may be repeated after the dash (\1).
const DASH_RANGE = /^(.*?)(\d+)\s*-\s*(?:\1)?(\d+)$/;
// `10+3`, `SN-0010+3`: start plus count.
const PLUS_RANGE = /^(.*?)(\d+)\s*\+\s*(\d+)$/;

/**
 * A text that reads as a range, with what it would add; `count` may exceed MAX_RANGE_COUNT (generating then refuses).
 */
export type RangeShorthand = SerialRangeOptions & { first: string; last: string };

function shorthand(prefix: string, startDigits: string, count: number): RangeShorthand {
  const start = Number(startDigits);
  const padTo = startDigits.length;
  const format = (n: number) => `${prefix}${String(n).padStart(padTo, '0')}`;
  return { prefix, start, count, padTo, first: format(start), last: format(start + count - 1) };
}

/**
 * Reads range shorthand (`1-5`, `10+3`, `SN-0008-SN-0012`, `SN-0008-0012`, `SN-0010+3`): the prefix and the
 * zero padding of the start are kept. Null when the text is not a range (a plain serial, or an end below
 * the start, as in `2024-0001`). Only ever used to OFFER a range: a scanned or typed serial such as
 * `UIW-K12-345` also reads as one, and is always added as the one serial it is.
 */
export function parseRangeShorthand(text: string): RangeShorthand | null {
  const trimmed = normaliseSerial(text);
  const dash = DASH_RANGE.exec(trimmed);
  if (dash) {
    const [, prefix, startDigits, endDigits] = dash;
    const start = Number(startDigits);
    const end = Number(endDigits);
    // Digits too long for exact arithmetic are a serial (an IMEI-like text), not a range.
    if (!Number.isSafeInteger(end) || end <= start) return null;
    return shorthand(prefix, startDigits, end - start + 1);
  }
  const plus = PLUS_RANGE.exec(trimmed);
  if (plus) {
    const [, prefix, startDigits, countDigits] = plus;
    const count = Number(countDigits);
    if (count < 1 || !Number.isSafeInteger(count) || !Number.isSafeInteger(Number(startDigits) + count)) return null;
    return shorthand(prefix, startDigits, count);
  }
  return null;
}

/**
 * The serials of a range shorthand, or null when the text is not one. Throws when the range is over MAX_RANGE_COUNT.
 */
export function expandShorthand(text: string): string[] | null {
  const range = parseRangeShorthand(text);
  return range && generateSerialRange(range);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The number after the highest `{prefix}{digits}` serial, with the digit count seen (4 when none is seen). */
export function suggestNextNumber(existing: string[], prefix: string): { start: number; padTo: number } {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}(\\d+)$`);
  let highest = -1;
  let padTo = 4;
  for (const serial of existing) {
    const match = pattern.exec(serial);
    if (!match) continue;
    const value = Number(match[1]);
    if (!Number.isSafeInteger(value) || value < highest) continue;
    highest = value;
    padTo = match[1].length;
  }
  return highest < 0 ? { start: 1, padTo } : { start: highest + 1, padTo };
}

/**
 * The serials that repeat one entered before them — the same text, or one that reads the same (the
 * same key) — each with the serial it repeats.
 */
export function findDuplicates(serials: string[]): Map<string, string> {
  const first = new Map<string, string>();
  const duplicates = new Map<string, string>();
  for (const serial of serials) {
    const key = canonicalKey(serial);
    const earlier = first.get(key);
    if (earlier !== undefined) duplicates.set(serial, earlier);
    else first.set(key, serial);
  }
  return duplicates;
}

/** Splits `SN-0042` into its prefix `SN-` (for pre-filling the range form); the whole text when no digits end it. */
export function serialPrefix(serial: string): string {
  const match = /^(.*?)\d+$/.exec(serial);
  return match ? match[1] : serial;
}
