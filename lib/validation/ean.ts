import { isValid, minify } from 'gtin';
import { z } from 'zod';

// Printed EANs come grouped with spaces, scanned or pasted ones with invisible marks or full-width digits.
const NOISE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/**
 * What a scanned or typed EAN is compared as (the stored form): NFKC digits without noise, in their shortest GS1 form.
 */
export function canonicalEan(text: string): string {
  const digits = text.normalize('NFKC').replace(NOISE, '');
  return /^(\d{8}|\d{12,14})$/.test(digits) && isValid(digits) ? minify(digits) : digits;
}

/**
 * The check digit that would make this GTIN valid, found by asking the gtin library (not our own copy of GS1's rule).
 */
function expectedCheckDigit(digits: string): string | null {
  for (let d = 0; d <= 9; d++) if (isValid(`${digits.slice(0, -1)}${d}`)) return String(d);
  return null;
}

/**
 * An EAN/UPC/GTIN as every door takes it: NFKC (full-width digits become ASCII), spaces and invisible
 * marks removed, 8, 12, 13 or 14 digits with a valid GS1 check digit. Stored in its shortest GS1 form
 * (gtin's minify: 08590000000015 is the GTIN-13 8590000000015), so the unique index on EAN compares the
 * number itself, whatever zero padding a scanner or a spreadsheet added.
 */
export const eanSchema = z
  .string()
  .optional()
  .nullable()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    const digits = canonicalEan(value);
    if (digits === '') return null;
    if (!/^(\d{8}|\d{12,14})$/.test(digits)) {
      ctx.addIssue({ code: 'custom', message: 'EAN must have 8, 12, 13 or 14 digits.' });
      return z.NEVER;
    }
    if (!isValid(digits)) {
      ctx.addIssue({
        code: 'custom',
        message: `EAN ${digits} has a wrong check digit: the last digit should be ${expectedCheckDigit(digits)}.`,
      });
      return z.NEVER;
    }
    return minify(digits);
  });
