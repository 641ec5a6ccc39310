import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item } from '@/db/schema';
import { isDomainError } from '@/lib/errors';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { Actor } from '../post';
import { enterCount, scanSerial } from './scan';

/** The most rows one upload into a count takes; a bigger file is several uploads (or scans). */
export const MAX_COUNT_ROWS = 20_000;

/** A row of an upload: a serial found (its item optional, as on the scan form) or an item's counted quantity. */
export type CountRow = { rowNumber: number; serial: string; item: string; quantity: string };
export type CountRowOutcome = { rowNumber: number; ok: boolean; message: string };

/**
 * Writes an upload's rows into an open count, each as the scan or count entry it stands for: the same function,
 * checks and messages as a phone's scan, one small transaction per row, so a refused row is reported and the others
 * stand, and people may go on scanning the same count meanwhile.
 */
export async function importIntoStocktake(
  db: DbOrTx,
  stocktakeId: bigint,
  rows: CountRow[],
  actor: Actor,
): Promise<CountRowOutcome[]> {
  const items = new Map<string, bigint | null>();
  const itemId = async (code: string) => {
    const key = canonicalKey(code);
    if (!items.has(key)) {
      const [found] = await db.select({ id: item.id }).from(item).where(eq(item.codeKey, key));
      items.set(key, found?.id ?? null);
    }
    return items.get(key)!;
  };
  const outcomes: CountRowOutcome[] = [];
  for (const row of rows) {
    const answer = (ok: boolean, message: string) => outcomes.push({ rowNumber: row.rowNumber, ok, message });
    try {
      const id = row.item.trim() === '' ? null : await itemId(row.item);
      if (row.item.trim() !== '' && id === null) {
        answer(false, `Row ${row.rowNumber}: no item has the code ${row.item}.`);
      } else if (row.serial.trim() !== '') {
        answer(true, (await scanSerial(db, stocktakeId, { serial: row.serial, itemId: id }, actor)).message);
      } else if (id === null) {
        answer(false, `Row ${row.rowNumber}: give a Serial_Number, or an Item with its Quantity.`);
      } else {
        const counted = await enterCount(db, stocktakeId, { itemId: id, quantity: row.quantity }, actor);
        answer(true, `${counted.itemCode}: counted ${counted.quantity}.`);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      answer(false, `Row ${row.rowNumber}: ${error.message}`);
    }
  }
  return outcomes;
}
