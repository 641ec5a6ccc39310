import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { diagnoseNotInStock, describeAlreadyInStock } from './serial-diagnosis';
import type { Problem } from './problems';
import { jsonList, rows } from './sql-rows';

export type SerialLine = {
  line: number; lineId: bigint; documentId: bigint; warehouseId: bigint; warehouseCode: string;
  itemId: bigint; itemCode: string; serials: string[];
};

/**
 * Receives new serials (or takes back issued ones: a return) in one statement per line. A serial
 * already in stock is left untouched by the conditional upsert and reported, naming where it is.
 */
export async function receiveSerials(tx: DbOrTx, line: SerialLine): Promise<Problem[]> {
  const received = await rows<{ serial: string }>(tx, sql`
    with input as (select value as serial from jsonb_array_elements_text(${jsonList(line.serials)}::jsonb)),
    upserted as (
      insert into serial_number (item_id, serial, status, warehouse_id, received_line_id, received_at)
      select ${line.itemId}, serial, 'in_stock', ${line.warehouseId}, ${line.lineId}, now() from input
      on conflict (item_id, serial) do update set status = 'in_stock', warehouse_id = excluded.warehouse_id,
        received_line_id = excluded.received_line_id, issued_line_id = null, received_at = now()
      where serial_number.status = 'issued'
      returning id, serial
    ),
    moved as (
      insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id)
      select id, ${line.lineId}, ${line.documentId}, 'in', ${line.warehouseId} from upserted
    )
    select serial from upserted`);
  if (received.length === line.serials.length) return [];
  const done = new Set(received.map((r) => r.serial));
  return describeAlreadyInStock(tx, line, line.serials.filter((s) => !done.has(s)));
}

/** Issues serials that are in stock of the item in the warehouse; the row locks make a double issue impossible. */
export async function issueSerials(tx: DbOrTx, line: SerialLine): Promise<Problem[]> {
  const issued = await rows<{ serial: string }>(tx, sql`
    with input as (select value as serial from jsonb_array_elements_text(${jsonList(line.serials)}::jsonb)),
    updated as (
      update serial_number s set status = 'issued', issued_line_id = ${line.lineId}
      from input where s.item_id = ${line.itemId} and s.serial = input.serial
        and s.warehouse_id = ${line.warehouseId} and s.status = 'in_stock'
      returning s.id, s.serial
    ),
    moved as (
      insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id)
      select id, ${line.lineId}, ${line.documentId}, 'out', ${line.warehouseId} from updated
    )
    select serial from updated`);
  if (issued.length === line.serials.length) return [];
  const done = new Set(issued.map((r) => r.serial));
  return diagnoseNotInStock(tx, line, line.serials.filter((s) => !done.has(s)));
}
