import { z } from 'zod';

/**
 * An exact decimal as text: an optional minus, digits, an optional '.' or ',' part. Returned with '.'
 * so PostgreSQL's numeric takes it exactly; no float ever touches it.
 */
export function decimalString(opts: {
  label: string;
  intDigits: number;
  fracDigits: number;
  min?: 'zero' | 'positive';
}) {
  const { label, intDigits, fracDigits } = opts;
  return z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const text = String(raw).trim().replace(',', '.');
    const match = text.match(/^(-?)(\d+)(?:\.(\d+))?$/);
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `${label} must be a number such as 12.50.` });
      return z.NEVER;
    }
    const [, sign, whole, frac = ''] = match;
    const wholeDigits = whole.replace(/^0+(?=\d)/, '');
    const fraction = frac.replace(/0+$/, '');
    if (wholeDigits.length > intDigits || fraction.length > fracDigits) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} allows at most ${intDigits} digits before and ${fracDigits} after the decimal point.`,
      });
      return z.NEVER;
    }
    const isZero = /^0*$/.test(wholeDigits + fraction);
    if (sign && !isZero && opts.min) {
      ctx.addIssue({ code: 'custom', message: `${label} cannot be negative.` });
      return z.NEVER;
    }
    if (opts.min === 'positive' && isZero) {
      ctx.addIssue({ code: 'custom', message: `${label} must be greater than zero.` });
      return z.NEVER;
    }
    return `${sign && !isZero ? '-' : ''}${wholeDigits}${fraction ? `.${fraction}` : ''}`;
  });
}

export const moneySchema = (label: string) => decimalString({ label, intDigits: 15, fracDigits: 4, min: 'zero' });
/** Decimals of a quantity (numeric(18,3) columns), for the scaled arithmetic of lib/decimal.ts. */
export const QUANTITY_SCALE = 3;
export const quantitySchema = (label = 'Quantity') =>
  decimalString({ label, intDigits: 15, fracDigits: QUANTITY_SCALE, min: 'positive' });
export const vatRateSchema = decimalString({ label: 'VAT rate', intDigits: 3, fracDigits: 2, min: 'zero' }).refine(
  (v) => Number(v) <= 100,
  'VAT rate must be between 0 and 100.',
);
