import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item } from '@/db/schema';
import { isDomainError, type DomainErrorCode } from '@/lib/errors';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { Actor } from '../post';
import type { Finding } from './findings';
import { enterCount, scanSerial } from './scan';

/** The most rows one upload into a count takes; a bigger file is several uploads (or scans). */
export const MAX_COUNT_ROWS = 20_000;

/** A row of an upload: a serial found (its item optional, as on the scan form) or an item's counted quantity. */
export type CountRow = { rowNumber: number; serial: string; item: string; quantity: string };
export type CountRowOutcome = { rowNumber: number; ok: boolean; message: string };

/** Which cell of a row a refusal is about: the count itself, the serial, the item or the quantity. */
export type CountRowField = 'stocktake' | 'serial' | 'item' | 'quantity';

/**
 * What one row did: written (a serial scanned twice is written once: `alreadyScanned` says so), or refused with
 * the lib's error code, the cell at fault and the message the scan page shows. `finding` is what a scanned serial
 * turned out to be (expected, unknown, …; null for a count).
 */
export type CountRowResult =
  | { ok: true; message: string; alreadyScanned: boolean; finding: Finding | null }
  | { ok: false; code: DomainErrorCode; field: CountRowField; message: string };

/** The cell a refusal names: the schema's key, else the item (when the row named one) or the serial. */
function fieldOf(row: CountRow, fieldErrors: Record<string, string> | undefined): CountRowField {
  const key = Object.keys(fieldErrors ?? {})[0];
  if (key === 'quantity') return 'quantity';
  if (key === 'serial') return 'serial';
  if (key === 'itemId') return row.item.trim() === '' && row.serial.trim() !== '' ? 'serial' : 'item';
  return 'stocktake';
}

/**
 * Writes rows into open counts, each as the scan or count entry it stands for: the same function, checks and
 * messages as a phone's scan, one small transaction (a savepoint inside a caller's transaction) per row, so a
 * refused row is reported and the others stand. Item codes are looked up once per writer. The page upload and the
 * bulk importer (lib/import/writers/stocktake-entries-writer.ts) and the records API
 * (lib/api/records/write/stocktake-entries.ts) all go through it.
 */
export function countRowWriter(db: DbOrTx, actor: Actor) {
  const items = new Map<string, bigint | null>();
  const itemId = async (code: string) => {
    const key = canonicalKey(code);
    if (!items.has(key)) {
      const [found] = await db.select({ id: item.id }).from(item).where(eq(item.codeKey, key));
      items.set(key, found?.id ?? null);
    }
    return items.get(key)!;
  };
  return async (stocktakeId: bigint, row: CountRow): Promise<CountRowResult> => {
    try {
      const id = row.item.trim() === '' ? null : await itemId(row.item);
      if (row.item.trim() !== '' && id === null) {
        return { ok: false, code: 'INVALID_DATA', field: 'item', message: `No item has the code ${row.item}.` };
      }
      if (row.serial.trim() !== '') {
        const scanned = await scanSerial(db, stocktakeId, { serial: row.serial, itemId: id }, actor);
        const alreadyScanned = scanned.alreadyScanned !== null;
        return { ok: true, message: scanned.message, alreadyScanned, finding: scanned.finding };
      }
      if (id === null) {
        const message = 'Give a Serial_Number, or an Item with its Quantity.';
        return { ok: false, code: 'MANDATORY_NOT_FOUND', field: 'serial', message };
      }
      const counted = await enterCount(db, stocktakeId, { itemId: id, quantity: row.quantity }, actor);
      const message = `${counted.itemCode}: counted ${counted.quantity}.`;
      return { ok: true, message, alreadyScanned: false, finding: null };
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return { ok: false, code: error.code, field: fieldOf(row, error.fieldErrors), message: error.message };
    }
  };
}

/** The page upload: every row into one count, answered as the page lists them. */
export async function importIntoStocktake(
  db: DbOrTx,
  stocktakeId: bigint,
  rows: CountRow[],
  actor: Actor,
): Promise<CountRowOutcome[]> {
  const write = countRowWriter(db, actor);
  const outcomes: CountRowOutcome[] = [];
  for (const row of rows) {
    const result = await write(stocktakeId, row);
    outcomes.push({
      rowNumber: row.rowNumber,
      ok: result.ok,
      message: result.ok ? result.message : `Row ${row.rowNumber}: ${result.message}`,
    });
  }
  return outcomes;
}
