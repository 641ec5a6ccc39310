import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { DOCUMENT_STOCK_EFFECTS } from '@/lib/inventory/stock-effects';
import { rows } from '@/lib/sql-rows';

/**
 * "Stock never goes negative at any date": the end-of-day balance of every item × warehouse, from the documents
 * themselves (the same DOCUMENT_STOCK_EFFECTS the product's dated check and invariants read). Lists each dip.
 */
export async function negativeAtSomeDate(db: DbOrTx) {
  return rows<{ item: string; warehouse: string; at: string; balance: string }>(
    db,
    sql`
    with per_day as (
      select l.item_id, e.warehouse_id, e.date, sum(e.sign * l.quantity) as q
      from document_line l join ${DOCUMENT_STOCK_EFFECTS} e on e.document_id = l.document_id group by 1, 2, 3),
    running as (
      select item_id, warehouse_id, date, sum(q) over (partition by item_id, warehouse_id order by date) as balance from per_day)
    select i.code as item, w.code as warehouse, r.date::text as at, trim_scale(r.balance)::text as balance
    from running r join item i on i.id = r.item_id join warehouse w on w.id = r.warehouse_id
    where r.balance < 0 order by 1, 2, 3`,
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
