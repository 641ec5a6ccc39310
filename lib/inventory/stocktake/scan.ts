import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { withRetry } from '@/lib/db-retry';
import { DomainError } from '@/lib/errors';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { countSchema, scanSchema, type CountInput, type ScanInput } from '@/lib/validation/stocktakes';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import type { Actor } from '../post';
import { describeFinding, FINDING_SQL, type Finding } from './findings';
import { inScope, lockOpenStocktake, type LockedStocktake } from './lock';

export type ScanFeedback = {
  serial: string;
  itemCode: string;
  finding: Finding;
  /** The warehouse code or document number the books place the serial at, when not here. */
  where: string | null;
  /** Set when someone scanned this serial into the count before: then this scan added nothing. */
  alreadyScanned: { by: string; at: string } | null;
  message: string;
};

/**
 * Records one scanned serial in an open count: a handful of indexed lookups and one insert, whatever the size of the
 * count. Two people scanning the same serial make one find: the unique (count, item, serial key) lets the second
 * insert do nothing, and its answer names who scanned it first. The item comes from the serial when only one item
 * has it; an unknown serial (or one several items share) needs the item chosen.
 */
export async function scanSerial(db: DbOrTx, stocktakeId: bigint, input: ScanInput, actor: Actor) {
  const data = parseOrThrow(scanSchema, input);
  const key = canonicalKey(data.serial);
  return withRetry(db, () =>
    db.transaction(async (tx): Promise<ScanFeedback> => {
      const st = await lockOpenStocktake(tx, stocktakeId, 'share');
      const target = await itemOfScan(tx, st, data.serial, key, data.itemId);
      const [inserted] = await rows<{ id: string }>(
        tx,
        sql`insert into stocktake_scan (stocktake_id, item_id, serial, serial_key, scanned_by)
          values (${st.id}, ${target.id}, ${data.serial}, ${key}, ${actor.userId})
          on conflict (stocktake_id, item_id, serial_key) do nothing returning id::text`,
      );
      const [row] = await rows<{ finding: Finding; where: string | null; by: string; at: string }>(
        tx,
        sql`select ${sql.raw(FINDING_SQL)} as finding,
            case when s.status = 'in_stock' then w.code else d.number end as where,
            coalesce(u.name, '') as by, to_char(sc.scanned_at, 'HH24:MI:SS') as at
          from stocktake st
          join stocktake_scan sc on sc.stocktake_id = st.id and sc.item_id = ${target.id} and sc.serial_key = ${key}
          left join "user" u on u.id = sc.scanned_by
          left join serial_number s on s.item_id = sc.item_id and s.serial_key = sc.serial_key
          left join warehouse w on w.id = s.warehouse_id
          left join document_line dl on dl.id = s.issued_line_id
          left join document d on d.id = dl.document_id
          where st.id = ${st.id}`,
      );
      const alreadyScanned = inserted ? null : { by: row.by, at: row.at };
      const where = row.finding === 'expected' || row.finding === 'unknown' ? null : row.where;
      const message = alreadyScanned
        ? `${data.serial} was already scanned by ${row.by} at ${row.at}; counted once.`
        : describeFinding(row.finding, data.serial, where);
      return { serial: data.serial, itemCode: target.code, finding: row.finding, where, alreadyScanned, message };
    }),
  );
}

type ScanItem = { id: bigint; code: string };

async function itemOfScan(
  tx: DbOrTx,
  st: LockedStocktake,
  serial: string,
  key: string,
  itemId: bigint | null,
): Promise<ScanItem> {
  // The items read FOR KEY SHARE: a delete of the item waits for the scan (its serial rows keep it alive anyway).
  const candidates = await rows<{ id: string; code: string; track_serials: boolean; in_scope: boolean }>(
    tx,
    itemId === null
      ? sql`select i.id::text, i.code, i.track_serials, ${inScope(st, 'i.id')} as in_scope
          from serial_number s join item i on i.id = s.item_id where s.serial_key = ${key} order by i.id for key share of i`
      : sql`select i.id::text, i.code, i.track_serials, ${inScope(st, 'i.id')} as in_scope
          from item i where i.id = ${itemId} for key share`,
  );
  const inCount = candidates.filter((c) => c.in_scope);
  const fieldError = (message: string) => new DomainError('INVALID_DATA', message, { itemId: message });
  if (itemId !== null && candidates.length === 0) throw fieldError('This item does not exist.');
  if (candidates.length === 0)
    throw fieldError(`${serial} is not a known serial: choose its item to record it as found.`);
  if (inCount.length === 0) {
    const codes = candidates.map((c) => c.code).join(', ');
    throw fieldError(`${serial} is a serial of ${codes}, which this count does not include.`);
  }
  if (inCount.length > 1) {
    const codes = inCount.map((c) => c.code).join(', ');
    throw fieldError(`${serial} is a serial of several items (${codes}): choose the item.`);
  }
  const [chosen] = inCount;
  if (!chosen.track_serials) throw fieldError(`${chosen.code} does not track serial numbers: enter its count instead.`);
  return { id: BigInt(chosen.id), code: chosen.code };
}

/**
 * Enters the counted quantity of an untracked item; a later entry replaces it. The books' stock at that moment is
 * kept beside it (bookQuantity): the difference closing posts is counted − booked when counted, so a document that
 * moves the item later in the count is neither undone nor counted twice.
 */
export async function enterCount(db: DbOrTx, stocktakeId: bigint, input: CountInput, actor: Actor) {
  const data = parseOrThrow(countSchema, input);
  return withRetry(db, () =>
    db.transaction(async (tx) => {
      const st = await lockOpenStocktake(tx, stocktakeId, 'share');
      const [it] = await rows<{ code: string; track_serials: boolean; in_scope: boolean }>(
        tx,
        sql`select i.code, i.track_serials, ${inScope(st, 'i.id')} as in_scope from item i where i.id = ${data.itemId} for key share`,
      );
      const fieldError = (message: string) => new DomainError('INVALID_DATA', message, { itemId: message });
      if (!it) throw fieldError('This item does not exist.');
      if (it.track_serials) throw fieldError(`${it.code} tracks serial numbers: scan its serials instead.`);
      if (!it.in_scope) throw fieldError(`This count does not include ${it.code}.`);
      const [row] = await rows<{ book_quantity: string }>(
        tx,
        sql`insert into stocktake_count (stocktake_id, item_id, quantity, book_quantity, counted_by)
          values (${st.id}, ${data.itemId}, ${data.quantity}::numeric, coalesce((select quantity from stock_level
            where item_id = ${data.itemId} and warehouse_id = ${st.warehouseId}), 0), ${actor.userId})
          on conflict (stocktake_id, item_id) do update set quantity = excluded.quantity,
            book_quantity = excluded.book_quantity, counted_by = excluded.counted_by, counted_at = now()
          returning book_quantity::text`,
      );
      return { itemCode: it.code, quantity: data.quantity, bookQuantity: row.book_quantity };
    }),
  );
}
