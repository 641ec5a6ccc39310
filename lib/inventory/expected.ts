import { allPipelined } from '@/lib/sql-pipeline';
import { violatedUnique } from '@/lib/db-errors';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { DocumentData, DocumentLineData } from '@/lib/validation/documents';
import type { StockLine } from './apply';
import type { Blocker } from './correction-scope';
import type { ItemInfo } from './context';
import type { Problem } from './problems';
import { diagnoseNotReceived } from './serial-diagnosis';

/*
 * Expected serials (issue 17). A supplier's list of serials is prepared before the goods come as an *expected
 * receipt* (kind expected_receipt, ER-YYYY-NNNNN): a document with lines like a goods receipt's, whose serials go
 * to expected_serial instead of the stock. It moves nothing: the serials are not in stock nor in the agenda. Each
 * open expectation reserves its serial for the item (a unique index over the `expected` rows), and preparing a
 * serial already in stock, in transit or expected elsewhere is refused naming it.
 *
 * Receiving is an ordinary goods receipt that names the expected receipt (expected_receipt_id), posted through
 * postDocument: it locks the expected receipt first (two clerks confirming the same one take turns), receives
 * what was scanned by the same rules as every receipt (a serial received elsewhere meanwhile is refused naming
 * where it is), marks the expected serials it brought `received` and, as the clerk chose, drops the missing ones
 * or keeps them expected (the remainder, confirmed by a later receipt). Serials scanned but not expected are
 * received as extras: the form has the clerk accept or remove each before posting. The confirming receipts pin
 * the expected receipt (it cannot be re-posted or deleted while they exist); deleting a confirming receipt
 * reopens the expectations it resolved.
 */

/** Lines an expected receipt may have: serial-tracked items only, since what it waits for is their serials. */
export function expectedLineProblems(lines: DocumentLineData[], items: Map<bigint, ItemInfo>): Problem[] {
  return lines.flatMap((line, index) => {
    const item = items.get(line.itemId);
    if (!item || item.trackSerials) return [];
    return [
      {
        code: 'NOT_TRACKED' as const,
        line: index,
        message: `Line ${index + 1}: item ${item.code} does not track serial numbers; an expected receipt lists serials to confirm, so receive counted goods with a goods receipt.`,
      },
    ];
  });
}

type PreparedDoc = { id: bigint; date: string; warehouseId: bigint; warehouseCode: string };

/**
 * Records the serials of a new (or re-posted) expected receipt as expected. A serial already expected on another
 * receipt is left out by the conditional insert (the unique index over open expectations decides, so two clerks
 * preparing the same serial cannot both win); one already in stock or in transit is refused by name. Whether it
 * is in stock is read, not locked: a receipt of it committed later is caught when the expected receipt is
 * confirmed, where receiving it is refused like any serial already in stock.
 */
export async function prepareExpectedSerials(tx: DbOrTx, doc: PreparedDoc, lines: StockLine[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const line of lines) {
    if (line.serials.length === 0) continue;
    const keys = line.serials.map(canonicalKey);
    const [inserted, held] = await allPipelined([
      rows<{ key: string }>(
        tx,
        sql`
        insert into expected_serial (line_id, document_id, item_id, serial, serial_key)
        select ${line.lineId}, ${doc.id}, ${line.item.id}, serial, key
        from unnest(${arrayLiteral(line.serials)}::text[], ${arrayLiteral(keys)}::text[]) as i(serial, key)
        on conflict (item_id, serial_key) where status = 'expected' do nothing
        returning serial_key as key`,
      ),
      rows<{ key: string; serial: string }>(
        tx,
        sql`
        select s.serial_key as key, i.serial from serial_number s
        join unnest(${arrayLiteral(line.serials)}::text[], ${arrayLiteral(keys)}::text[]) as i(serial, key) on i.key = s.serial_key
        where s.item_id = ${line.item.id} and s.status in ('in_stock', 'in_transit')`,
      ),
    ]);
    // Named in a statement of its own: under read committed it sees the expectation a concurrent preparer
    // committed while the insert waited for it.
    const taken = inserted.length === keys.length ? [] : await expectedElsewhere(tx, line, keys, inserted);
    for (const t of taken) {
      problems.push({
        code: 'ALREADY_EXPECTED',
        line: line.line,
        serial: t.serial,
        message: `Serial ${t.serial} of item ${line.item.code} is already expected on ${t.number}.`,
      });
    }
    if (held.length > 0) {
      const serialLine = { ...doc, line: line.line, lineId: line.lineId, documentId: doc.id, serials: line.serials };
      const at = { ...serialLine, itemId: line.item.id, itemCode: line.item.code };
      problems.push(...(await diagnoseNotReceived(tx, at, held)));
    }
  }
  return problems;
}

async function expectedElsewhere(tx: DbOrTx, line: StockLine, keys: string[], inserted: { key: string }[]) {
  const done = new Set(inserted.map((r) => r.key));
  const left = line.serials.map((serial, i) => ({ serial, key: keys[i] })).filter((s) => !done.has(s.key));
  const holders = await rows<{ key: string; number: string }>(
    tx,
    sql`
    select e.serial_key as key, d.number from expected_serial e join document d on d.id = e.document_id
    where e.item_id = ${line.item.id} and e.status = 'expected' and e.serial_key = any(${arrayLiteral(left.map((l) => l.key))}::text[])`,
  );
  const numberOf = new Map(holders.map((h) => [h.key, h.number]));
  return left.map((l) => ({ ...l, number: numberOf.get(l.key) ?? 'another expected receipt' }));
}

export type ExpectedHeader = { id: bigint; number: string; open: number };

function refuse(field: string, message: string, code: 'INVALID_DATA' | 'CONFLICT' = 'INVALID_DATA'): never {
  throw new DomainError(code, message, { [field]: message });
}

/**
 * Locks the expected receipt a goods receipt confirms before anything else, so confirmations of it (and its
 * edits and delete, which lock it too) take turns. Refused when it has nothing left to confirm: a second
 * clerk confirming what the first already posted gets a message instead of a second receipt.
 */
export async function lockExpectedReceipt(
  tx: DbOrTx,
  data: Pick<DocumentData, 'expectedReceiptId' | 'warehouseId'>,
): Promise<ExpectedHeader> {
  const [row] = await rows<{ id: string; number: string; kind: string; warehouseId: string; code: string }>(
    tx,
    sql`
    select d.id::text, d.number, d.kind::text, d.warehouse_id::text as "warehouseId", w.code
    from document d join warehouse w on w.id = d.warehouse_id where d.id = ${data.expectedReceiptId} for update of d`,
  );
  if (!row || row.kind !== 'expected_receipt') refuse('expectedReceiptId', 'This expected receipt does not exist.');
  if (BigInt(row.warehouseId) !== data.warehouseId)
    refuse('warehouseId', `${row.number} is expected in warehouse ${row.code}: its goods are received there.`);
  const [{ open }] = await rows<{ open: number }>(
    tx,
    sql`select count(*)::int as open from expected_serial where document_id = ${row.id} and status = 'expected'`,
  );
  if (open === 0)
    refuse('expectedReceiptId', `${row.number} has no expected serials left to confirm: it was received.`, 'CONFLICT');
  return { id: BigInt(row.id), number: row.number, open };
}

/**
 * After the confirming receipt received its serials: the expected ones it brought are `received`, and the rest
 * are dropped or stay expected, as the clerk chose. Receiving already refused any serial in stock, so the rows
 * marked here are exactly the expected serials that arrived with this receipt.
 */
export async function confirmExpectedSerials(
  tx: DbOrTx,
  expected: ExpectedHeader,
  receiptId: bigint,
  lines: DocumentLineData[],
  missing: DocumentData['missingExpected'],
): Promise<void> {
  const pairs = lines.flatMap((l) => l.serials.map((s) => [String(l.itemId), canonicalKey(s)] as const));
  await tx.execute(sql`
    update expected_serial e set status = 'received', resolved_by_id = ${receiptId}
    from unnest(${arrayLiteral(pairs.map((p) => p[0]))}::bigint[], ${arrayLiteral(pairs.map((p) => p[1]))}::text[]) as i(item_id, key)
    where e.document_id = ${expected.id} and e.status = 'expected' and e.item_id = i.item_id and e.serial_key = i.key`);
  if (missing === 'drop') {
    await tx.execute(sql`
      update expected_serial set status = 'dropped', resolved_by_id = ${receiptId}
      where document_id = ${expected.id} and status = 'expected'`);
  }
}

/** The goods receipts that confirmed an expected receipt, oldest first: the documents that pin it. */
export async function confirmingReceipts(db: DbOrTx, expectedReceiptId: bigint): Promise<Blocker[]> {
  return rows<Blocker>(
    db,
    sql`
    select null as serial, id::text as id, number, kind::text as kind from document
    where expected_receipt_id = ${expectedReceiptId} order by id`,
  );
}

/** The refusal of a re-post or delete of an expected receipt its confirmations pin, naming each. */
export function confirmationProblems(number: string, receipts: Blocker[]): Problem[] {
  return receipts.map((receipt) => ({
    code: 'MOVED_LATER' as const,
    line: 0,
    blockedBy: { id: receipt.id, number: receipt.number, kind: receipt.kind },
    message: `${number} cannot be changed or deleted: ${receipt.number} confirmed its serials; delete ${receipt.number} first.`,
  }));
}

/**
 * Before a confirming receipt is deleted: the expectations it resolved open again on their expected receipt. One
 * it dropped that another expected receipt has taken since cannot, so the delete is refused naming that one. An
 * expected receipt taking it that has not committed yet is invisible to the check; the reopening then waits for it on
 * the unique index of open expectations and, when it commits, fails there: in a savepoint, so the check can run again
 * and see it (hostile findings, December 2026: the delete answered a raw unique violation).
 */
export async function reopenExpectedSerials(tx: DbOrTx, receiptId: bigint, receiptNumber: string): Promise<Problem[]> {
  const retaken = await retakenSerials(tx, receiptId, receiptNumber);
  if (retaken.length > 0) return retaken;
  try {
    await tx.transaction((savepoint) =>
      savepoint.execute(sql`
        update expected_serial set status = 'expected', resolved_by_id = null where resolved_by_id = ${receiptId}`),
    );
    return [];
  } catch (error) {
    if (violatedUnique(error) !== 'expected_serial_open') throw error;
    const now = await retakenSerials(tx, receiptId, receiptNumber);
    if (now.length === 0) throw error;
    return now;
  }
}

async function retakenSerials(tx: DbOrTx, receiptId: bigint, receiptNumber: string): Promise<Problem[]> {
  const retaken = await rows<{ serial: string; id: string; number: string }>(
    tx,
    sql`
    select e.serial, d.id::text, d.number from expected_serial e
    join expected_serial o on o.item_id = e.item_id and o.serial_key = e.serial_key and o.status = 'expected'
    join document d on d.id = o.document_id
    where e.resolved_by_id = ${receiptId} order by e.id limit 100`,
  );
  return retaken.map((r) => ({
    code: 'MOVED_LATER' as const,
    line: 0,
    serial: r.serial,
    blockedBy: { id: r.id, number: r.number, kind: 'expected_receipt' as const },
    message: `${receiptNumber} cannot be deleted: serial ${r.serial}, which it dropped, is now expected on ${r.number}.`,
  }));
}

/** The serials an expected receipt lists, per line (every status), as an edit compares the old and the new. */
export async function expectedSerialLines<L extends StockLine>(
  tx: DbOrTx,
  documentId: bigint,
  lines: L[],
): Promise<L[]> {
  const found = await rows<{ lineId: string; serial: string }>(
    tx,
    sql`select line_id::text as "lineId", serial from expected_serial where document_id = ${documentId} order by id`,
  );
  const byLine = new Map<string, string[]>();
  for (const r of found) {
    const list = byLine.get(r.lineId);
    if (list) list.push(r.serial);
    else byLine.set(r.lineId, [r.serial]);
  }
  return lines.map((l) => ({ ...l, serials: byLine.get(String(l.lineId)) ?? [] }));
}
