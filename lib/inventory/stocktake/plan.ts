import { allPipelined } from '@/lib/sql-pipeline';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import { inScope, type LockedStocktake } from './lock';

type Scope = Pick<LockedStocktake, 'id' | 'warehouseId' | 'itemIds'>;

/** What closing a count would post: the serials to issue and to receive, and the counted goods' differences. */
export type AdjustmentPlan = {
  /** In stock here by the books, in the count's items, and not scanned: they leave the stock. */
  missing: { serialId: string; itemId: string; serial: string }[];
  /** Scanned serials no item has: received as new. */
  unknown: { itemId: string; serial: string }[];
  /** Counted − booked when counted, for the untracked items whose count differs; `difference` is signed. */
  counts: { itemId: string; difference: string }[];
};

/**
 * The differences of an open count against the books now. With `lock`, the missing serials are locked FOR UPDATE in
 * id order, and a serial someone issues meanwhile is either waited for (and then no longer missing: the re-checked
 * WHERE drops it) or waits for the close (and then finds it issued). Scans and counts cannot change meanwhile: the
 * close holds the count's row FOR UPDATE, which every scan takes FOR SHARE.
 */
export async function adjustmentPlan(tx: DbOrTx, st: Scope, lock: boolean): Promise<AdjustmentPlan> {
  const [missing, unknown, counts] = await allPipelined([
    rows<AdjustmentPlan['missing'][number]>(
      tx,
      sql`select s.id::text as "serialId", s.item_id::text as "itemId", s.serial from serial_number s
        where s.status = 'in_stock' and s.warehouse_id = ${st.warehouseId} and ${inScope(st, 's.item_id')}
          and not exists (select 1 from stocktake_scan sc
            where sc.stocktake_id = ${st.id} and sc.item_id = s.item_id and sc.serial_key = s.serial_key)
        order by s.id ${lock ? sql`for update of s` : sql``}`,
    ),
    rows<AdjustmentPlan['unknown'][number]>(
      tx,
      sql`select sc.item_id::text as "itemId", sc.serial from stocktake_scan sc
        where sc.stocktake_id = ${st.id} and not exists (select 1 from serial_number s
          where s.item_id = sc.item_id and s.serial_key = sc.serial_key)
        order by sc.id`,
    ),
    rows<AdjustmentPlan['counts'][number]>(
      tx,
      sql`select c.item_id::text as "itemId", (c.quantity - c.book_quantity)::text as difference
        from stocktake_count c where c.stocktake_id = ${st.id} and c.quantity <> c.book_quantity order by c.item_id`,
    ),
  ]);
  return { missing, unknown, counts };
}

/**
 * A fingerprint of a plan: the confirmation shows the differences with it, and the close refuses when the plan it
 * computes under its locks has another one (someone scanned, counted or moved a serial in between).
 */
export function planDigest(plan: AdjustmentPlan): string {
  const hash = createHash('sha256');
  for (const m of plan.missing) hash.update(`m${m.serialId}\n`);
  for (const u of plan.unknown) hash.update(`u${u.itemId}:${u.serial}\n`);
  for (const c of plan.counts) hash.update(`c${c.itemId}:${c.difference}\n`);
  return hash.digest('hex').slice(0, 32);
}
