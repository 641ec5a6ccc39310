import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Problem } from './problems';
import type { SerialLine } from './serial-moves';
import { jsonList, rows } from './sql-rows';

type Known = { serial: string; itemId: string; itemCode: string; status: 'in_stock' | 'issued'; warehouseCode: string; receivedBy: string | null; issuedBy: string | null };

/** Everything known about these serial texts, for any item: enough to say why a serial was refused. */
async function lookup(tx: DbOrTx, serials: string[]): Promise<Known[]> {
  return rows<Known>(tx, sql`
    select s.serial, s.item_id::text as "itemId", i.code as "itemCode", s.status, w.code as "warehouseCode",
      rd.number as "receivedBy", idoc.number as "issuedBy"
    from serial_number s
    join item i on i.id = s.item_id
    join warehouse w on w.id = s.warehouse_id
    left join document_line rl on rl.id = s.received_line_id left join document rd on rd.id = rl.document_id
    left join document_line il on il.id = s.issued_line_id left join document idoc on idoc.id = il.document_id
    where s.serial in (select value from jsonb_array_elements_text(${jsonList(serials)}::jsonb))`);
}

/** Rows grouped by serial text: a refused 10,000-serial line must not cost 10,000 × 10,000 comparisons. */
function bySerial(known: Known[]): Map<string, Known[]> {
  const map = new Map<string, Known[]>();
  for (const row of known) {
    const list = map.get(row.serial);
    if (list) list.push(row);
    else map.set(row.serial, [row]);
  }
  return map;
}

export async function describeAlreadyInStock(tx: DbOrTx, line: SerialLine, serials: string[]): Promise<Problem[]> {
  const known = bySerial(await lookup(tx, serials));
  return serials.map((serial) => {
    const row = known.get(serial)?.find((k) => k.itemId === String(line.itemId));
    const where = row ? ` in warehouse ${row.warehouseCode}${row.receivedBy ? ` (received by ${row.receivedBy})` : ''}` : '';
    return { code: 'ALREADY_IN_STOCK', line: line.line, serial, message: `Serial ${serial} of item ${line.itemCode} is already in stock${where}.` };
  });
}

/** Why each serial could not be issued: issued already, in another warehouse, another item's, or never received. */
export async function diagnoseNotInStock(tx: DbOrTx, line: SerialLine, serials: string[]): Promise<Problem[]> {
  const known = bySerial(await lookup(tx, serials));
  return serials.map((serial): Problem => {
    const rows = known.get(serial) ?? [];
    const sameItem = rows.find((k) => k.itemId === String(line.itemId));
    const prefix = `Serial ${serial} of item ${line.itemCode} is not in stock in warehouse ${line.warehouseCode}`;
    if (sameItem?.status === 'issued') {
      return { code: 'NOT_IN_STOCK', line: line.line, serial, message: `${prefix}: already issued by ${sameItem.issuedBy ?? 'another document'}.` };
    }
    if (sameItem) {
      return { code: 'NOT_IN_STOCK', line: line.line, serial, message: `${prefix}: it is in warehouse ${sameItem.warehouseCode}.` };
    }
    const other = rows[0];
    if (other) {
      return { code: 'OTHER_ITEM', line: line.line, serial, message: `Serial ${serial} belongs to item ${other.itemCode}, not ${line.itemCode}.` };
    }
    return { code: 'NOT_IN_STOCK', line: line.line, serial, message: `${prefix}: it was never received.` };
  });
}
