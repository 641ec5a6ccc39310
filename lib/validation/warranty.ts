import { z } from 'zod';
import { identifierTextProblem, trimIdentifier } from '@/lib/text/identifier-text';

/** Fifty years: longer than any product warranty, short enough that an end date stays a real date (to 3049). */
export const MAX_WARRANTY_MONTHS = 600;

const NOT_WHOLE = (label: string) => `${label} must be a whole number of months, such as 12.`;

/**
 * A warranty period of whole months read from what a door sends — the form and a file a string, the records
 * API a JSON number or a string — or why it is not one, naming the field.
 */
export function parseWarrantyMonths(label: string, raw: unknown): { months: number } | { problem: string } {
  if (typeof raw === 'number') return Number.isFinite(raw) ? inRange(label, raw) : { problem: NOT_WHOLE(label) };
  if (typeof raw !== 'string') return { problem: NOT_WHOLE(label) };
  // A text-direction control is refused even at an end, where it would show "12" as "21"; whitespace and
  // zero-width marks at the ends come with a paste from a spreadsheet and go; inside, they are refused.
  const hidden = identifierTextProblem(label, raw.trim());
  if (hidden) return { problem: hidden };
  const text = trimIdentifier(raw);
  const inside = invisibleInside(label, text);
  if (inside) return { problem: inside };
  // "12.0" from a spreadsheet cell is twelve months; "12.5" is refused below.
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { problem: `${NOT_WHOLE(label)} "${text.slice(0, 20)}" is not a number.` };
  const [, sign, whole, fraction = ''] = match;
  const value = Number(whole) + Number(`0.${fraction || '0'}`);
  return inRange(label, sign && value !== 0 ? -value : value);
}

function inRange(label: string, months: number): { months: number } | { problem: string } {
  if (months < 0) return { problem: `${label} cannot be negative.` };
  if (!Number.isInteger(months)) return { problem: NOT_WHOLE(label) };
  if (months > MAX_WARRANTY_MONTHS)
    return { problem: `${label} can be at most ${MAX_WARRANTY_MONTHS} months (50 years).` };
  // -0 from JSON is 0.
  return { months: months + 0 };
}

/** A zero-width space between digits reads as "12" but is not: named with its position, as codes do. */
function invisibleInside(label: string, text: string): string | null {
  const chars = [...text];
  const at = chars.findIndex((ch) => /\p{Default_Ignorable_Code_Point}/u.test(ch));
  if (at < 0) return null;
  const code = chars[at].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `${label} has an invisible character (U+${code}) at position ${at + 1}; remove it.`;
}

/**
 * An optional warranty period in whole months, 0 to 600, as every door takes it (the item schema's two
 * warranty fields): empty — the form's blank box, an empty cell, null — is "not set".
 */
export const warrantyMonthsSchema = (label: string) =>
  z
    .union([z.number(), z.string(), z.null()], { error: NOT_WHOLE(label) })
    .optional()
    .transform((raw, ctx): number | null => {
      if (raw === undefined || raw === null || trimIdentifier(String(raw)) === '') return null;
      const parsed = parseWarrantyMonths(label, raw);
      if ('months' in parsed) return parsed.months;
      ctx.addIssue({ code: 'custom', message: parsed.problem });
      return z.NEVER;
    })
    .describe(`${label}: whole months, 0 to ${MAX_WARRANTY_MONTHS}; empty or null when not set.`);
