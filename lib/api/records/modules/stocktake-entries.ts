import { z } from 'zod';
import { STOCKTAKE_ENTRIES } from '@/lib/modules';
import { writeOnlyField, type Field } from '../fields';
import type { RecordModule } from '../module';
import { stocktakeEntryWrites } from '../write/stocktake-entries';
import { STOCKTAKE_READ_FIELDS, stocktakes } from './stocktakes';

/** How the records API takes each declared entry field (lookups as objects, as every module's). */
const INPUTS: Record<string, z.ZodType> = {
  Stocktake: z
    .object({ id: z.string().optional(), Number: z.string().optional() })
    .describe('Give one of: {"Number": "…"}, {"id": "…"}.'),
  Serial_Number: z.string().optional(),
  Item: z.object({ Code: z.string() }).optional().describe('{"Code": "…"}.'),
  Quantity: z
    .union([z.string(), z.number()])
    .optional()
    .describe('An exact decimal, best sent as a JSON string (e.g. "3").'),
};

/**
 * Stocktake_Entries: scans and counts written into an open count, one record each (insert only). An entry is no
 * record of its own: its answer names the count it went into, so reads list the counts, as Stocktakes does, and
 * the entry fields are write-only (lib/modules/stocktake-entries.ts declares them for both Zoho doors).
 */
const entryFields = STOCKTAKE_ENTRIES.fields.map((f) =>
  writeOnlyField(f.apiName, f.key!, INPUTS[f.apiName], f.description),
);
const fields: Field[] = [...STOCKTAKE_READ_FIELDS, ...entryFields];

export const stocktakeEntries: RecordModule = {
  ...stocktakes,
  api: STOCKTAKE_ENTRIES.apiName,
  singular: STOCKTAKE_ENTRIES.singular,
  description: STOCKTAKE_ENTRIES.description,
  read: STOCKTAKE_ENTRIES.read,
  write: STOCKTAKE_ENTRIES.write,
  fields,
  example: STOCKTAKE_ENTRIES.example,
  writes: stocktakeEntryWrites(fields),
  declaration: STOCKTAKE_ENTRIES,
};
