import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { rows } from '@/lib/sql-rows';

export type LockedStocktake = {
  id: bigint;
  number: string;
  date: string;
  warehouseId: bigint;
  warehouseCode: string;
  status: 'open' | 'closed' | 'cancelled';
  /** The items the count is limited to; empty: every item. */
  itemIds: bigint[];
};

/**
 * Reads a count and locks its row: FOR SHARE for a scan or a count entry (many at once, they do not wait for each
 * other), FOR UPDATE to close or cancel it, which therefore waits for the scans under way and is waited for by the
 * next ones, which then find it closed. Refuses a count that is not open.
 */
export async function lockOpenStocktake(tx: DbOrTx, id: bigint, mode: 'share' | 'update'): Promise<LockedStocktake> {
  const lock = mode === 'share' ? sql`for share of st` : sql`for update of st`;
  const [row] = await rows<{
    id: string;
    number: string;
    date: string;
    warehouse_id: string;
    warehouse_code: string;
    status: LockedStocktake['status'];
    item_ids: string[];
  }>(
    tx,
    sql`select st.id::text, st.number, st.date::text, st.warehouse_id::text, w.code as warehouse_code, st.status,
      array(select si.item_id::text from stocktake_item si where si.stocktake_id = st.id order by si.item_id) as item_ids
    from stocktake st join warehouse w on w.id = st.warehouse_id where st.id = ${id} ${lock}`,
  );
  if (!row) throw new DomainError('NOT_FOUND', 'This stocktake does not exist.');
  if (row.status !== 'open') {
    throw new DomainError('CONFLICT', `Stocktake ${row.number} is ${row.status}; it can no longer change.`);
  }
  return {
    id: BigInt(row.id),
    number: row.number,
    date: row.date,
    warehouseId: BigInt(row.warehouse_id),
    warehouseCode: row.warehouse_code,
    status: row.status,
    itemIds: row.item_ids.map(BigInt),
  };
}

/** The item id in `column` is one of the count's items (always true for a count of every item). */
export function inScope(st: Pick<LockedStocktake, 'id' | 'itemIds'>, column: string) {
  if (st.itemIds.length === 0) return sql`true`;
  return sql`${sql.raw(column)} in (select si.item_id from stocktake_item si where si.stocktake_id = ${st.id})`;
}
