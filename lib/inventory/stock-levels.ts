import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { addDecimals, toScaled, trimZeros } from '@/lib/decimal';
import { rows } from '@/lib/sql-rows';
import { QUANTITY_SCALE } from '@/lib/validation/decimal';
import type { Problem } from './problems';

export type StockDelta = { itemId: bigint; itemCode: string; unit: string; warehouseId: bigint; warehouseCode: string; quantity: string; line: number };

/** Sums the lines per item and warehouse, in a fixed order so concurrent postings lock rows alike. */
export function groupDeltas(deltas: StockDelta[]): StockDelta[] {
  const byKey = new Map<string, StockDelta>();
  for (const d of deltas) {
    const key = `${d.itemId}:${d.warehouseId}`;
    const prev = byKey.get(key);
    byKey.set(key, prev ? { ...prev, quantity: addDecimals(prev.quantity, d.quantity, QUANTITY_SCALE) } : { ...d });
  }
  return [...byKey.values()].sort((a, b) => (a.itemId === b.itemId ? Number(a.warehouseId - b.warehouseId) : a.itemId < b.itemId ? -1 : 1));
}

// stock_level.quantity is numeric(18,3): a sum beyond this is refused, never a database error.
const MAX_STOCK = '999999999999999.999';
const scaled = (quantity: string) => toScaled(quantity, QUANTITY_SCALE);

/*
 * One statement per item × warehouse, all sent at once: postgres.js pipelines them on the transaction's
 * connection and the server runs them in the order sent, so the rows are still locked in groupDeltas'
 * fixed order (no deadlock between postings), with one wait instead of one per item. A sum that would
 * not fit the column is left out by the statement's WHERE and reported.
 */
export async function increaseStock(tx: DbOrTx, deltas: StockDelta[], describe = tooLarge): Promise<Problem[]> {
  const grouped = groupDeltas(deltas);
  const fits = grouped.map((d) => scaled(d.quantity) <= scaled(MAX_STOCK));
  const written = await Promise.all(grouped.map((d, i) => (!fits[i] ? Promise.resolve([]) : rows<{ one: number }>(tx, sql`
    insert into stock_level (item_id, warehouse_id, quantity) values (${d.itemId}, ${d.warehouseId}, ${d.quantity})
    on conflict (item_id, warehouse_id) do update set quantity = stock_level.quantity + excluded.quantity
    where stock_level.quantity <= ${MAX_STOCK}::numeric - excluded.quantity
    returning 1 as one`))));
  return grouped.filter((_, i) => written[i].length === 0)
    .map((d) => ({ code: 'STOCK_TOO_LARGE' as const, line: d.line, message: describe(d) }));
}

function tooLarge(d: StockDelta): string {
  return `Stock of ${d.itemCode} in warehouse ${d.warehouseCode} would exceed ${Number(MAX_STOCK.split('.')[0]).toLocaleString('en')} ${d.unit}, the most it can hold.`;
}

/** Takes stock out only where enough is on hand; each shortfall becomes a problem naming both amounts. */
export async function decreaseStock(tx: DbOrTx, deltas: StockDelta[], describe: (d: StockDelta, available: string) => string): Promise<Problem[]> {
  const grouped = groupDeltas(deltas);
  const updated = await Promise.all(grouped.map((d) => rows<{ quantity: string }>(tx, sql`
    update stock_level set quantity = quantity - ${d.quantity}
    where item_id = ${d.itemId} and warehouse_id = ${d.warehouseId} and quantity >= ${d.quantity} returning quantity`)));
  const short = grouped.filter((_, i) => updated[i].length === 0);
  const current = await Promise.all(short.map((d) => rows<{ quantity: string }>(tx, sql`
    select quantity::text from stock_level where item_id = ${d.itemId} and warehouse_id = ${d.warehouseId}`)));
  return short.map((d, i) => ({ code: 'INSUFFICIENT_STOCK' as const, line: d.line, message: describe(d, trimZeros(current[i][0]?.quantity ?? '0')) }));
}
