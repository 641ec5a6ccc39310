import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { checkStockInvariants, DAILY_BALANCES } from '@/lib/inventory/invariants';
import { rows } from '@/lib/sql-rows';

/**
 * "Stock never goes negative at any date": every end-of-day balance below zero, per item × warehouse, from the
 * documents themselves (the daily balances the product's own invariant reads). Lists each dip.
 */
export async function negativeAtSomeDate(db: DbOrTx) {
  return rows<{ item: string; warehouse: string; at: string; balance: string }>(
    db,
    sql`select i.code as item, w.code as warehouse, b.date::text as at, trim_scale(b.balance)::text as balance
      from (${DAILY_BALANCES}) b join item i on i.id = b.item_id join warehouse w on w.id = b.warehouse_id
      where b.balance < 0 order by 1, 2, 3`,
  );
}

/** The product's own invariants (lib/inventory/invariants.ts) that report offenders. */
export async function brokenInvariants(db: DbOrTx) {
  return (await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0).map((c) => `${c.name}: ${c.bad}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve handle: lets a test hold a transaction open at a chosen point. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
