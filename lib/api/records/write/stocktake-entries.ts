import { ProtocolError } from '@/lib/errors';
import { countRowWriter } from '@/lib/inventory/stocktake/import';
import { ENTRY_FIELDS, NO_STOCKTAKE_MESSAGE, ZOHO_CODES } from '@/lib/modules';
import type { Field } from '../fields';
import type { ApiRecord, Inserted, WriteContext, WriteOps } from '../module';
import { toLibInput } from './input';
import { resolveRef, STOCKTAKE_REF } from './lookups';

/**
 * Stocktake_Entries through the records API: each record is one scan or count entry, written by the row function
 * of the count page's upload and the importer (countRowWriter), so the rules, codes and messages are the scan
 * page's. Each record is its own small transaction taking the count's row FOR SHARE, so a close (FOR UPDATE)
 * waits for it or it finds the count closed. The answer names the count the entry went into (the importer's
 * RECORD_ID); a serial already in the count is DUPLICATE_DATA with "already scanned by …; counted once".
 */
export function stocktakeEntryWrites(fields: Field[]): WriteOps {
  const refusal =
    'Stocktake entries are only added: a serial scanned twice counts once, and a later count replaces the earlier one.';
  return {
    insert: (record, ctx) => insertEntry(fields, record, ctx),
    refusals: { update: refusal, upsert: refusal, delete: refusal },
  };
}

async function insertEntry(fields: Field[], record: ApiRecord, ctx: WriteContext): Promise<Inserted> {
  const input = toLibInput(fields, record, ctx.path);
  const at = (apiName: string) => ({ api_name: apiName, json_path: `${ctx.path}.${apiName}` });
  const stocktakeId = await resolveRef(ctx.db, STOCKTAKE_REF, input.stocktakeId, {
    apiName: 'Stocktake',
    jsonPath: at('Stocktake').json_path,
  });
  if (stocktakeId === '') throw new ProtocolError('MANDATORY_NOT_FOUND', NO_STOCKTAKE_MESSAGE, at('Stocktake'));
  const write = countRowWriter(ctx.db, { userId: ctx.principal.userId });
  const result = await write(stocktakeId, {
    rowNumber: 0,
    serial: text(input.serial, 'Serial_Number', ctx),
    item: itemCode(input.item, ctx),
    quantity: text(input.quantity, 'Quantity', ctx),
  });
  if (!result.ok) {
    const field = ENTRY_FIELDS[result.field];
    throw new ProtocolError(ZOHO_CODES[result.code], result.message, at(field));
  }
  if (result.alreadyScanned) {
    throw new ProtocolError('DUPLICATE_DATA', result.message, { ...at('Serial_Number'), id: String(stocktakeId) });
  }
  return { id: stocktakeId, details: { Finding: result.finding, Feedback: result.message } };
}

const TEXT_EXAMPLES: Record<string, string> = {
  Serial_Number: 'a text such as "SN-0001"',
  Quantity: 'an exact decimal such as "3"',
};

/** A text value as the row function reads a cell: absent is blank; a decimal sent as a JSON number is its text. */
function text(value: unknown, apiName: 'Serial_Number' | 'Quantity', ctx: WriteContext): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && apiName === 'Quantity') return String(value);
  throw new ProtocolError('INVALID_DATA', `${apiName} must be ${TEXT_EXAMPLES[apiName]}.`, {
    api_name: apiName,
    json_path: `${ctx.path}.${apiName}`,
  });
}

/** The item by its Code ({"Code": "…"}, as the declaration's lookup says): the row function looks the code up. */
function itemCode(value: unknown, ctx: WriteContext): string {
  if (value === undefined || value === null || value === '') return '';
  const code = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).Code : undefined;
  if (typeof code === 'string') return code;
  throw new ProtocolError('INVALID_DATA', 'Item must name the item as {"Code": "…"}.', {
    api_name: 'Item',
    json_path: `${ctx.path}.Item`,
  });
}
