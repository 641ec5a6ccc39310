import { z } from 'zod';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { parseId } from '@/lib/ids';
import { dateSchema } from './date';
import { moneySchema, quantitySchema, vatRateSchema } from './decimal';

export const MAX_LINES = 500;
export const MAX_SERIALS_PER_LINE = 100_000;
export const MAX_SERIAL_LENGTH = 100;

const idSchema = (what: string) => z.union([z.string(), z.number(), z.bigint()])
  .transform((v, ctx) => {
    // parseId also refuses 19-digit numbers beyond bigint, which the database would answer with an error.
    const id = parseId(String(v).trim());
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: `Choose the ${what}.` });
      return z.NEVER;
    }
    return id;
  });

export const serialListSchema = z.array(z.string().max(MAX_SERIAL_LENGTH, `A serial number can have at most ${MAX_SERIAL_LENGTH} characters.`))
  .max(MAX_SERIALS_PER_LINE, `A line can have at most ${MAX_SERIALS_PER_LINE.toLocaleString('en')} serial numbers.`)
  .transform((list) => list.map((s) => s.trim()).filter((s) => s.length > 0));

export const documentLineSchema = z.object({
  itemId: idSchema('item'),
  quantity: quantitySchema('Quantity'),
  unitPrice: moneySchema('Unit price').optional().transform((v) => v ?? '0'),
  vatRate: vatRateSchema.optional(),
  serials: serialListSchema.optional().transform((v) => v ?? []),
});

/** One schema for a stock document or invoice: the form, the API and the importer all parse with it. */
export const documentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  date: dateSchema('Date'),
  partnerId: z.union([z.literal(''), z.null(), idSchema('partner')]).optional().transform((v) => (v === '' || v === undefined ? null : v)),
  warehouseId: idSchema('warehouse'),
  note: z.string().max(2000, 'The note can have at most 2,000 characters.').optional().transform((v) => v ?? ''),
  createStockDocument: z.boolean().optional(),
  lines: z.array(documentLineSchema).min(1, 'Add at least one line.').max(MAX_LINES, `A document can have at most ${MAX_LINES} lines.`),
});
export type DocumentInput = z.input<typeof documentSchema>;
export type DocumentData = z.output<typeof documentSchema>;
export type DocumentLineData = DocumentData['lines'][number];
