import { allPipelined } from '@/lib/sql-pipeline';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { addDecimals, fromScaled, toScaled, trimZeros } from '@/lib/decimal';
import { rows } from '@/lib/sql-rows';
import { QUANTITY_SCALE } from '@/lib/validation/decimal';
import type { Problem } from './problems';

export type StockDelta = {
  itemId: bigint;
  itemCode: string;
  unit: string;
  warehouseId: bigint;
  warehouseCode: string;
  quantity: string;
  line: number;
};
/**
 * A change of one item × warehouse: `quantity` is its size, `sign` whether stock goes up (+1) or down (-1), or 0 when
 * the operation moves it at some dates but not in total (a re-dated document): its row is then locked, not written.
 */
export type NetDelta = StockDelta & { sign: 1 | 0 | -1 };
export type Shortfall = (d: StockDelta, available: string) => string;

const scaled = (quantity: string) => toScaled(quantity, QUANTITY_SCALE);
const keyOf = (d: StockDelta) => `${d.itemId}:${d.warehouseId}`;
const byLockOrder = (a: StockDelta, b: StockDelta) =>
  a.itemId === b.itemId ? Number(a.warehouseId - b.warehouseId) : a.itemId < b.itemId ? -1 : 1;

/** Sums the lines per item and warehouse, in a fixed order so concurrent postings lock rows alike. */
export function groupDeltas(deltas: StockDelta[]): StockDelta[] {
  const byKey = new Map<string, StockDelta>();
  for (const d of deltas) {
    const prev = byKey.get(keyOf(d));
    byKey.set(
      keyOf(d),
      prev ? { ...prev, quantity: addDecimals(prev.quantity, d.quantity, QUANTITY_SCALE) } : { ...d },
    );
  }
  return [...byKey.values()].sort(byLockOrder);
}

/**
 * What `up` adds and `down` takes away, netted per item × warehouse, in lock order. An edit is judged by its result
 * this way: a receipt of 10 cut to 9 after 1 was issued takes 1, not 10. A change that nets to zero stays, with sign
 * 0: the stock level's row lock is what makes two operations on one item × warehouse take turns, and the dated check
 * needs that for a re-date too (a receipt moved later while an issue is back-dated between the two dates: each
 * check alone passes, and without the lock both commit and stock is negative on the days between).
 */
export function netDeltas(up: StockDelta[], down: StockDelta[]): NetDelta[] {
  const net = new Map<string, { delta: StockDelta; amount: bigint }>();
  const add = (d: StockDelta, sign: bigint) => {
    const prev = net.get(keyOf(d));
    net.set(keyOf(d), { delta: prev?.delta ?? d, amount: (prev?.amount ?? 0n) + sign * scaled(d.quantity) });
  };
  for (const d of up) add(d, 1n);
  for (const d of down) add(d, -1n);
  return [...net.values()]
    .map(({ delta, amount }): NetDelta => ({
      ...delta,
      sign: amount > 0n ? 1 : amount < 0n ? -1 : 0,
      quantity: fromScaled(amount > 0n ? amount : -amount, QUANTITY_SCALE),
    }))
    .sort(byLockOrder);
}

// stock_level.quantity is numeric(18,3): a sum beyond this is refused, never a database error.
const MAX_STOCK = '999999999999999.999';

function tooLarge(d: StockDelta): string {
  return `Stock of ${d.itemCode} in warehouse ${d.warehouseCode} would exceed ${Number(MAX_STOCK.split('.')[0]).toLocaleString('en')} ${d.unit}, the most it can hold.`;
}

/** One item × warehouse up, unless the sum would not fit the column; an empty answer means refused. */
function increase(tx: DbOrTx, d: StockDelta) {
  if (scaled(d.quantity) > scaled(MAX_STOCK)) return Promise.resolve([]);
  return rows<{ one: number }>(
    tx,
    sql`
    insert into stock_level (item_id, warehouse_id, quantity) values (${d.itemId}, ${d.warehouseId}, ${d.quantity})
    on conflict (item_id, warehouse_id) do update set quantity = stock_level.quantity + excluded.quantity
    where stock_level.quantity <= ${MAX_STOCK}::numeric - excluded.quantity
    returning 1 as one`,
  );
}

/** One item × warehouse down, only where enough is on hand (the fact is in the WHERE); an empty answer means short. */
function decrease(tx: DbOrTx, d: StockDelta) {
  return rows<{ one: number }>(
    tx,
    sql`
    update stock_level set quantity = quantity - ${d.quantity}
    where item_id = ${d.itemId} and warehouse_id = ${d.warehouseId} and quantity >= ${d.quantity} returning 1 as one`,
  );
}

/** Locks one item × warehouse's row as a write to it would, without changing it (an answer either way). */
async function lockLevel(tx: DbOrTx, d: StockDelta) {
  await rows(
    tx,
    sql`select 1 from stock_level where item_id = ${d.itemId} and warehouse_id = ${d.warehouseId} for no key update`,
  );
  return [{ one: 1 }];
}

/*
 * One statement per item × warehouse, all sent at once: postgres.js pipelines them on the transaction's
 * connection and the server runs them in the order sent, so the rows are locked in lock order (no
 * deadlock between postings), with one wait instead of one per item. A change that would not fit the
 * column, or take more than is on hand, is left out by its statement's WHERE and reported.
 */
export async function applyNetDeltas(tx: DbOrTx, net: NetDelta[], shortfall: Shortfall): Promise<Problem[]> {
  const written = await allPipelined(
    net.map((d) => (d.sign > 0 ? increase(tx, d) : d.sign < 0 ? decrease(tx, d) : lockLevel(tx, d))),
  );
  const refused = net.filter((_, i) => written[i].length === 0);
  const short = refused.filter((d) => d.sign < 0);
  const current = await allPipelined(
    short.map((d) =>
      rows<{ quantity: string }>(
        tx,
        sql`
    select quantity::text from stock_level where item_id = ${d.itemId} and warehouse_id = ${d.warehouseId}`,
      ),
    ),
  );
  return refused.map((d) =>
    d.sign > 0
      ? { code: 'STOCK_TOO_LARGE' as const, line: d.line, message: tooLarge(d) }
      : {
          code: 'INSUFFICIENT_STOCK' as const,
          line: d.line,
          message: shortfall(d, trimZeros(current[short.indexOf(d)][0]?.quantity ?? '0')),
        },
  );
}
