import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { diagnoseNotReturnable } from './return-diagnosis';
import { diagnoseNotInStock, diagnoseNotInTransit, diagnoseNotReceived } from './serial-diagnosis';
import type { Problem } from './problems';

export type SerialLine = {
  line: number;
  lineId: bigint;
  documentId: bigint;
  date: string;
  warehouseId: bigint;
  warehouseCode: string;
  itemId: bigint;
  itemCode: string;
  serials: string[];
};

/** The serials of a line that the statement did not move, as entered, for the diagnosis. */
function leftOver(line: SerialLine, keys: string[], moved: { key: string }[]): { serial: string; key: string }[] {
  if (moved.length === line.serials.length) return [];
  const done = new Set(moved.map((r) => r.key));
  return line.serials.map((serial, i) => ({ serial, key: keys[i] })).filter((s) => !done.has(s.key));
}

/*
 * Taking serials locks their rows in key order (the update's plan walks its input, an index lookup per key, in the
 * order given; test/inventory/lock-order.int.test.ts races it), so two issues or transfers of overlapping serials queue
 * instead of deadlocking: postings of one kind no longer take turns on their series row (numbering.ts numbers last),
 * and a deadlock costs deadlock_timeout (1 s) before the retry. The movements are still written in the order the
 * serials were entered: the document's page and its labels list them in that order (by movement id).
 */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function inLockOrder(keys: string[]): { keys: string[]; order: string[] } {
  const sorted = keys.map((key, i) => ({ key, i })).sort((a, b) => byText(a.key, b.key));
  return { keys: sorted.map((k) => k.key), order: sorted.map((k) => String(k.i)) };
}

/**
 * Receives new serials (or takes back issued ones: a return) in one statement per line. Serials are
 * matched by their canonical key (what a person reads as the same is the same serial). The conditional
 * upsert leaves a serial alone when it is in stock, or when its last movement is dated after this
 * document (a serial's history stays in date order); each such serial is reported, naming why.
 */
export async function receiveSerials(tx: DbOrTx, line: SerialLine): Promise<Problem[]> {
  const keys = line.serials.map(canonicalKey);
  const received = await rows<{ key: string }>(
    tx,
    sql`
    with input as (select * from unnest(${arrayLiteral(line.serials)}::text[], ${arrayLiteral(keys)}::text[]) as i(serial, key)),
    upserted as (
      insert into serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, received_at, last_moved_on)
      select ${line.itemId}, serial, key, 'in_stock', ${line.warehouseId}, ${line.lineId}, now(), ${line.date}::date from input
      on conflict (item_id, serial_key) do update set status = 'in_stock', warehouse_id = excluded.warehouse_id,
        received_line_id = excluded.received_line_id, issued_line_id = null, received_at = now(), last_moved_on = excluded.last_moved_on
      where serial_number.status = 'issued' and serial_number.last_moved_on <= excluded.last_moved_on
      returning id, serial_key
    ),
    moved as (
      insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id)
      select id, ${line.lineId}, ${line.documentId}, 'in', ${line.warehouseId} from upserted
    )
    select serial_key as key from upserted`,
  );
  const refused = leftOver(line, keys, received);
  return refused.length === 0 ? [] : diagnoseNotReceived(tx, line, refused);
}

type Take = {
  /** What the taken serials become (last_moved_on always becomes the document's date). */
  change: SQL;
  direction: 'out' | 'move' | 'in';
  /** Which serials of the item may be taken: by default those in stock in the line's warehouse. */
  available?: SQL;
  /** Why the serials the statement did not take were refused. */
  diagnose: (refused: { serial: string; key: string }[]) => Promise<Problem[]>;
};

/**
 * Takes the line's serials that are available (in stock in its warehouse unless `available` says otherwise) and
 * arrived on or before the document's date, setting `change` on each and recording a movement in `direction`.
 * The conditional update holds every fact in its WHERE and locks the rows it changes, so a double issue (or an
 * issue and a transfer of one serial) is impossible; a typed variant (`abc123`) takes the held serial (`ABC123`).
 */
async function takeSerials(tx: DbOrTx, line: SerialLine, take: Take): Promise<Problem[]> {
  const keys = line.serials.map(canonicalKey);
  const locking = inLockOrder(keys);
  const available = take.available ?? sql`s.warehouse_id = ${line.warehouseId} and s.status = 'in_stock'`;
  const taken = await rows<{ key: string }>(
    tx,
    sql`
    with input as (select * from unnest(${arrayLiteral(locking.keys)}::text[], ${arrayLiteral(locking.order)}::int[]) as i(key, ord)),
    updated as (
      update serial_number s set ${take.change}, last_moved_on = ${line.date}::date
      from input where s.item_id = ${line.itemId} and s.serial_key = input.key and ${available} and s.last_moved_on <= ${line.date}::date
      returning s.id, s.serial_key, input.ord
    ),
    moved as (
      insert into serial_movement (serial_id, line_id, document_id, direction, warehouse_id)
      select id, ${line.lineId}, ${line.documentId}, ${take.direction}, ${line.warehouseId} from updated order by ord
    )
    select serial_key as key from updated`,
  );
  const refused = leftOver(line, keys, taken);
  return refused.length === 0 ? [] : take.diagnose(refused);
}

/** Issues serials in stock in the line's warehouse (see takeSerials). */
export function issueSerials(tx: DbOrTx, line: SerialLine): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`status = 'issued', issued_line_id = ${line.lineId}`,
    direction: 'out',
    diagnose: (refused) => diagnoseNotInStock(tx, line, refused, 'issued'),
  });
}

/**
 * Transfers serials in stock in the line's warehouse to `destinationId`: they stay in stock, arrived there by
 * this line (received_line_id, received_at), with one `move` movement each (see takeSerials).
 */
export function transferSerials(tx: DbOrTx, line: SerialLine, destinationId: bigint): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`warehouse_id = ${destinationId}, received_line_id = ${line.lineId}, received_at = now()`,
    direction: 'move',
    diagnose: (refused) => diagnoseNotInStock(tx, line, refused, 'transferred'),
  });
}

/**
 * Sends serials in stock in the line's warehouse in transit on the line's transfer: they leave it, in stock nowhere
 * until they arrive.
 */
export function dispatchSerials(tx: DbOrTx, line: SerialLine): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`status = 'in_transit', issued_line_id = ${line.lineId}`,
    direction: 'out',
    diagnose: (refused) => diagnoseNotInStock(tx, line, refused, 'transferred'),
  });
}

/** Receives at the line's warehouse (the transfer's destination) serials in transit on `transferId`. */
export function arriveSerials(tx: DbOrTx, line: SerialLine, transferId: bigint): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`status = 'in_stock', warehouse_id = ${line.warehouseId}, received_line_id = ${line.lineId}, received_at = now(), issued_line_id = null`,
    direction: 'in',
    available: sql`s.status = 'in_transit' and s.issued_line_id in (select id from document_line where document_id = ${transferId})`,
    diagnose: (refused) => diagnoseNotInTransit(tx, line, refused, transferId),
  });
}

/**
 * The lines of the goods document behind `returnOfId`: the goods issue or receipt itself, or the one its invoice
 * generated. Only serials those lines moved can go back on a return naming it.
 */
export function goodsLinesOf(returnOfId: bigint): SQL {
  return sql`(select gl.id from document_line gl join document g on g.id = gl.document_id
    where (g.id = ${returnOfId} or g.source_invoice_id = ${returnOfId}) and g.kind in ('goods_issue', 'goods_receipt'))`;
}

/**
 * Takes back from the customer serials that left with the sale `returnOfId` names and are still out with it (issued by
 * one of its lines): in stock again in the line's warehouse, arrived by this line. A serial returned once is in stock,
 * so a second return of it (or one racing this one) finds nothing to take.
 */
export function returnFromCustomer(tx: DbOrTx, line: SerialLine, returnOfId: bigint): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`status = 'in_stock', warehouse_id = ${line.warehouseId}, received_line_id = ${line.lineId}, received_at = now(), issued_line_id = null`,
    direction: 'in',
    available: sql`s.status = 'issued' and s.issued_line_id in ${goodsLinesOf(returnOfId)}`,
    diagnose: (refused) => diagnoseNotReturnable(tx, line, refused, returnOfId, 'customer'),
  });
}

/**
 * Sends back to the supplier serials in stock in the line's warehouse whose latest goods receipt is the one
 * `returnOfId` names (or its invoice generated): a serial bought again later on another receipt goes back on that one.
 */
export function returnToSupplier(tx: DbOrTx, line: SerialLine, returnOfId: bigint): Promise<Problem[]> {
  return takeSerials(tx, line, {
    change: sql`status = 'issued', issued_line_id = ${line.lineId}`,
    direction: 'out',
    available: sql`s.warehouse_id = ${line.warehouseId} and s.status = 'in_stock' and (
      select r.line_id from serial_movement r join document rd on rd.id = r.document_id
      where r.serial_id = s.id and rd.kind = 'goods_receipt' order by r.id desc limit 1) in ${goodsLinesOf(returnOfId)}`,
    diagnose: (refused) => diagnoseNotReturnable(tx, line, refused, returnOfId, 'supplier'),
  });
}
