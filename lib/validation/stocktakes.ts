import { z } from 'zod';
import { parseId } from '@/lib/ids';
import { normaliseSerial, serialTextProblem } from '@/lib/serials/parse';
import { dateSchema } from './date';
import { decimalString, QUANTITY_SCALE } from './decimal';
import { cleanText } from './text';

/** The most items a count can be limited to (a count of more is a count of the whole warehouse). */
export const MAX_STOCKTAKE_ITEMS = 500;

const id = (what: string) =>
  z.union([z.string(), z.number(), z.bigint()]).transform((v, ctx) => {
    const parsed = parseId(String(v).trim());
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `Choose the ${what}.` });
      return z.NEVER;
    }
    return parsed;
  });

/** Blank means "find it by the serial": the scan names an item only when the serial alone does not tell. */
const optionalItem = z
  .union([z.string(), z.number(), z.bigint(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || String(v).trim() === '') return null;
    const parsed = parseId(String(v).trim());
    if (parsed === null) ctx.addIssue({ code: 'custom', message: 'Choose the item.' });
    return parsed ?? z.NEVER;
  });

const note = (label: string, max: number) =>
  z
    .string()
    .max(max, `${label} can have at most ${max.toLocaleString('en')} characters.`)
    .check(cleanText(label))
    .optional()
    .transform((v) => (v ?? '').trim());

export const openStocktakeSchema = z.object({
  date: dateSchema('Date'),
  warehouseId: id('warehouse'),
  itemIds: z
    .array(id('item'))
    .max(MAX_STOCKTAKE_ITEMS, `A count can be limited to at most ${MAX_STOCKTAKE_ITEMS} items.`)
    .optional()
    .transform((v) => [...new Set(v ?? [])]),
  note: note('The note', 2000),
});
export type OpenStocktakeInput = z.input<typeof openStocktakeSchema>;

export const scanSchema = z.object({
  serial: z.string().transform((raw, ctx) => {
    const serial = normaliseSerial(raw);
    const problem = serialTextProblem(serial);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return serial;
  }),
  itemId: optionalItem,
});
export type ScanInput = z.input<typeof scanSchema>;

export const countSchema = z.object({
  itemId: id('item'),
  quantity: decimalString({ label: 'Counted quantity', intDigits: 15, fracDigits: QUANTITY_SCALE, min: 'zero' }),
});
export type CountInput = z.input<typeof countSchema>;

export const closeStocktakeSchema = z.object({
  date: dateSchema('Date'),
  reason: note('The reason', 500).refine((v) => v.length > 0, 'Give the reason for the adjustments.'),
  // What the confirmation showed (differencesDigest): the close refuses when the differences changed since.
  digest: z.string().max(200),
});
export type CloseStocktakeInput = z.input<typeof closeStocktakeSchema>;
