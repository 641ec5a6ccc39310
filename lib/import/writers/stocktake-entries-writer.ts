import type { DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import type { RowError } from '@/lib/import/results';
import type { RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { countRowWriter } from '@/lib/inventory/stocktake/import';
import { ENTRY_FIELDS, NO_STOCKTAKE_MESSAGE, ZOHO_CODES, type EntriesModule } from '@/lib/modules';
import { mappingFor, type JobContext } from './context';
import { loadKeys } from './document-lookups';
import type { JobWriter } from './job-writer';
import { readCell } from './row-values';

export type EntriesContext = JobContext<EntriesModule>;

const refused = (rowNumber: number, error: RowError): RowOutcomeRecord => ({
  rowNumber,
  status: 'SKIPPED',
  recordId: null,
  errors: [error],
});

/**
 * Stocktake_Entries: each row is one scan or count entry, written by the same function as the count page's upload
 * (lib/inventory/stocktake/import.ts), so the rules, codes and messages are the scan page's. Each row is a savepoint
 * in the chunk's transaction: a refused row is reported and the rest of the chunk stands. The counts are named by
 * Number and looked up once per chunk; RECORD_ID is the count a row went into. A serial already in the count is
 * SKIPPED with DUPLICATE_DATA and the scan page's "already scanned by …; counted once".
 */
export async function writeEntriesChunk(
  tx: DbOrTx,
  ctx: EntriesContext,
  rows: TableRow[],
): Promise<RowOutcomeRecord[]> {
  const cell = (row: TableRow, apiName: string) => {
    const mapping = mappingFor(ctx, apiName);
    return mapping ? (readCell(row, mapping) ?? '') : '';
  };
  const stocktakeMapping = mappingFor(ctx, 'Stocktake');
  const findBy = stocktakeMapping?.findBy ?? 'Number';
  const numbers = new Set(rows.map((row) => cell(row, 'Stocktake').trim()).filter((text) => text !== ''));
  const stocktakeIds = await loadKeys(tx, 'Stocktakes', findBy, [...numbers]);
  const write = countRowWriter(tx, { userId: ctx.userId });
  const outcomes: RowOutcomeRecord[] = [];
  for (const row of rows) {
    const named = cell(row, 'Stocktake').trim();
    const stocktakeId = stocktakeIds.get(named);
    if (named === '') {
      outcomes.push(
        refused(row.rowNumber, { code: 'MANDATORY_NOT_FOUND', column: 'Stocktake', message: NO_STOCKTAKE_MESSAGE }),
      );
      continue;
    }
    if (stocktakeId === undefined) {
      const message = `No stocktake has ${findBy} ${named}.`;
      outcomes.push(refused(row.rowNumber, { code: 'RESOURCE_NOT_FOUND', column: 'Stocktake', message }));
      continue;
    }
    const result = await write(stocktakeId, {
      rowNumber: row.rowNumber,
      serial: cell(row, 'Serial_Number'),
      item: cell(row, 'Item'),
      quantity: cell(row, 'Quantity'),
    });
    if (!result.ok) {
      const error = { code: ZOHO_CODES[result.code], column: ENTRY_FIELDS[result.field], message: result.message };
      outcomes.push(refused(row.rowNumber, error));
    } else if (result.alreadyScanned) {
      const error = { code: 'DUPLICATE_DATA', column: 'Serial_Number', message: result.message };
      outcomes.push({ ...refused(row.rowNumber, error), recordId: String(stocktakeId) });
    } else {
      outcomes.push({ rowNumber: row.rowNumber, status: 'ADDED', recordId: String(stocktakeId), errors: [] });
    }
  }
  return outcomes;
}

export function stocktakeEntriesWriter(ctx: EntriesContext): JobWriter {
  return { write: (tx, units) => writeEntriesChunk(tx, ctx, units.flat()) };
}
