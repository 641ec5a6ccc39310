import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { warehouse } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { postDocument } from '@/lib/inventory/post';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { scanSerial } from '@/lib/inventory/stocktake/scan';
import { fmt, median, p95, timed } from './bench-db';

const COUNT = 10_000;
/** Scans timed one by one, as phones send them; the rest of the count is written in one statement. */
const TIMED_SCANS = 200;
const MISSING = 50;
const UNKNOWN = 50;
const ITEM = '7';
const actor = { userId: 1 };

/**
 * A stocktake of a warehouse holding COUNT serials, in the database as big as the bench made it: scans one at a time
 * (server time per scan), then the close: the plan the confirmation shows, and the close that recomputes it under its
 * locks and posts MISSING serials out and UNKNOWN new ones in. A last run closes a count where nothing was scanned:
 * all COUNT serials leave the stock in one goods issue.
 */
export async function benchStocktake(db: Db, runs = 3) {
  const scans: number[] = [];
  const previews: number[] = [];
  const closes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const { stocktakeId, warehouseId, serials } = await countOf(db, `STK${run}`);
    for (const serial of serials.slice(0, TIMED_SCANS))
      scans.push((await timed(() => scanSerial(db, stocktakeId, { serial }, actor))).ms);
    for (let i = 0; i < UNKNOWN; i++) {
      const serial = `STK${run}-NEW-${i}`;
      scans.push((await timed(() => scanSerial(db, stocktakeId, { serial, itemId: ITEM }, actor))).ms);
    }
    await db.execute(sql`insert into stocktake_scan (stocktake_id, item_id, serial, serial_key, scanned_by)
      select ${stocktakeId}, s.item_id, s.serial, s.serial_key, 1 from serial_number s
      where s.warehouse_id = ${warehouseId} and s.status = 'in_stock' on conflict do nothing`);
    // Take MISSING scans back out: those serials are on the shelf in the books only.
    await db.execute(sql`delete from stocktake_scan where id in (select id from stocktake_scan
      where stocktake_id = ${stocktakeId} order by id desc limit ${MISSING})`);
    const preview = await timed(async () =>
      planDigest(await adjustmentPlan(db, { id: stocktakeId, warehouseId, itemIds: [] }, false)),
    );
    previews.push(preview.ms);
    const input = { date: '2026-11-22', reason: 'Bench', digest: preview.result };
    closes.push((await timed(() => closeStocktake(db, stocktakeId, input, actor))).ms);
  }
  const empty = await countOf(db, 'STKALL');
  const digest = planDigest(
    await adjustmentPlan(db, { id: empty.stocktakeId, warehouseId: empty.warehouseId, itemIds: [] }, false),
  );
  const all = await timed(() =>
    closeStocktake(db, empty.stocktakeId, { date: '2026-11-22', reason: 'Bench', digest }, actor),
  );
  const list = (times: number[]) => `median ${fmt(median(times))} (runs: ${times.map(fmt).join(', ')})`;
  console.log(
    `[bench] scan into a ${COUNT.toLocaleString('en')}-serial count, server time per scan: median ${fmt(median(scans))}, ` +
      `p95 ${fmt(p95(scans))} (${scans.length} scans) — goal < 100 ms scan to feedback`,
  );
  console.log(
    `[bench] closing a ${COUNT.toLocaleString('en')}-serial stocktake (${MISSING} missing out, ${UNKNOWN} unknown in): ` +
      `${list(closes)} — goal < 1000 ms; its confirmation's plan ${list(previews)}`,
  );
  console.log(
    `[bench] closing a ${COUNT.toLocaleString('en')}-serial stocktake with nothing scanned (${COUNT.toLocaleString('en')} ` +
      `serials out in one goods issue): ${fmt(all.ms)} — goal < 1000 ms`,
  );
  return median(closes);
}

/** A warehouse of its own holding COUNT new serials of ITEM, and an open count of it. */
async function countOf(db: Db, tag: string) {
  const [wh] = await db
    .insert(warehouse)
    .values(withCodeKeys([{ code: tag, name: `Bench count ${tag}` }]))
    .returning({ id: warehouse.id });
  const serials = Array.from({ length: COUNT }, (_, i) => `${tag}-${String(i).padStart(6, '0')}`);
  await postDocument(
    db,
    {
      kind: 'goods_receipt',
      date: '2026-11-22',
      warehouseId: wh.id,
      lines: [{ itemId: ITEM, quantity: String(COUNT), serials }],
    },
    actor,
  );
  const st = await openStocktake(db, { date: '2026-11-22', warehouseId: wh.id }, actor);
  return { stocktakeId: st.id, warehouseId: wh.id, serials };
}
