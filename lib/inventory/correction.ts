import { allPipelined } from '@/lib/sql-pipeline';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { document } from '@/db/schema';
import { toScaled } from '@/lib/decimal';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { DocumentData } from '@/lib/validation/documents';
import type { StockLine } from './apply';
import type { Blocker } from './correction-scope';
import { confirmingReceipts } from './expected';
import { documentReturns } from './returns';
import { transferArrivals } from './transit';
import { createsStockDocument } from './post';

export type { Blocker };

type DocRow = typeof document.$inferSelect;
export type PostedLine = StockLine & { unitPrice: string; vatRate: string };

/*
 * Corrections by field (issue 16): an edit that leaves every fact stock and serial chronology rest on —
 * the date, the warehouse (and a transfer's destination), each line's item, quantity and serials, whether an invoice
 * has its goods
 * document — is written in place, without undoing and redoing the stock effects. So the note, the
 * partner, prices and VAT of a receipt stay correctable after a later issue took one of its serials,
 * which would refuse a full re-post. correction-scope.ts says the same in the form's words.
 */

// Money has 4 decimals, quantities 3, VAT 2: compared at the finest scale.
const sameDecimal = (a: string, b: string) => toScaled(a, 4) === toScaled(b, 4);

/**
 * The same serials, each once: a list that repeats one ([A, a] for a posted [A, B]) is a change, so the full edit
 * runs the serial rules and refuses it ("entered twice") instead of keeping B without a word.
 */
function sameSerials(posted: string[], wanted: string[]): boolean {
  if (posted.length !== wanted.length) return false;
  const keys = new Set(posted.map(canonicalKey));
  const wantedKeys = new Set(wanted.map(canonicalKey));
  return wantedKeys.size === wanted.length && [...wantedKeys].every((key) => keys.has(key));
}

/**
 * Whether the edit changes a stock fact. `serialLines` are the lines that carry the serials: the document's
 * own for a receipt or issue, its goods document's for an invoice (none when it has no goods document).
 */
export function changesStock(
  row: DocRow,
  data: DocumentData,
  posted: PostedLine[],
  serialLines: PostedLine[],
): boolean {
  if (
    row.date !== data.date ||
    row.warehouseId !== data.warehouseId ||
    row.destinationWarehouseId !== data.destinationWarehouseId
  )
    return true;
  // Sent directly or in transit, or arrived from another transfer: what reaches the destination, and when, differs.
  if (row.inTransit !== data.inTransit || row.transferId !== data.transferId) return true;
  // Confirming an expected receipt, or another one, changes which expected serials the receipt resolved.
  if (row.expectedReceiptId !== data.expectedReceiptId) return true;
  // An invoice gaining or losing its goods document moves stock.
  if ((row.stockDocumentId !== null) !== createsStockDocument(data)) return true;
  if (posted.length !== data.lines.length) return true;
  return data.lines.some((line, i) => {
    const before = posted[i];
    const serials = serialLines.find((l) => l.line === before.line)?.serials ?? [];
    return (
      before.item.id !== line.itemId ||
      !sameDecimal(before.quantity, line.quantity) ||
      !sameSerials(serials, line.serials)
    );
  });
}

/** The header and line fields an in-place correction writes, on the document and on an invoice's goods document. */
export async function correctInPlace(tx: DbOrTx, documentIds: bigint[], data: DocumentData): Promise<void> {
  const column = (pick: (line: DocumentData['lines'][number], index: number) => string) =>
    arrayLiteral(data.lines.map(pick));
  await tx.execute(sql`
    update document_line l set unit_price = v.unit_price, vat_rate = v.vat_rate
    from unnest(${column((_, i) => String(i + 1))}::int[], ${column((l) => l.unitPrice)}::numeric[], ${column((l) => l.vatRate ?? '0')}::numeric[])
      as v(line_no, unit_price, vat_rate)
    where l.document_id = any(${arrayLiteral(documentIds.map(String))}::bigint[]) and l.line_no = v.line_no
      and (l.unit_price, l.vat_rate) is distinct from (v.unit_price, v.vat_rate)`);
}

/** What an edit changed, for the audit log: header fields old → new, line prices and VAT, serials added and removed. */
export function describeChanges(row: DocRow, data: DocumentData, posted: PostedLine[], serialLines: PostedLine[]) {
  const fields: Record<string, [unknown, unknown]> = {};
  const header: [string, unknown, unknown][] = [
    ['date', row.date, data.date],
    ['partnerId', row.partnerId, data.partnerId],
    ['warehouseId', row.warehouseId, data.warehouseId],
    ['destinationWarehouseId', row.destinationWarehouseId, data.destinationWarehouseId],
    ['inTransit', row.inTransit, data.inTransit],
    ['note', row.note, data.note],
    ['externalNumber', row.externalNumber, data.externalNumber],
  ];
  for (const [name, before, after] of header) if (String(before) !== String(after)) fields[name] = [before, after];
  data.lines.forEach((line, i) => {
    const before = posted[i];
    if (!before) return;
    if (!sameDecimal(before.unitPrice, line.unitPrice))
      fields[`lines.${i + 1}.unitPrice`] = [before.unitPrice, line.unitPrice];
    if (!sameDecimal(before.vatRate, line.vatRate ?? '0'))
      fields[`lines.${i + 1}.vatRate`] = [before.vatRate, line.vatRate ?? '0'];
    if (!sameDecimal(before.quantity, line.quantity))
      fields[`lines.${i + 1}.quantity`] = [before.quantity, line.quantity];
  });
  const removedKeys = new Set(data.lines.flatMap((l) => l.serials).map(canonicalKey));
  const postedSerials = serialLines.flatMap((l) => l.serials);
  const postedKeys = new Set(postedSerials.map(canonicalKey));
  return {
    fields,
    serials: {
      added: data.lines.flatMap((l) => l.serials).filter((s) => !postedKeys.has(canonicalKey(s))),
      removed: postedSerials.filter((s) => !removedKeys.has(canonicalKey(s))),
    },
  };
}

/**
 * The later documents that pin a document's stock effects: those that moved one of its serials since, the arrivals
 * of an in-transit transfer, the receipts that confirmed an expected receipt and the returns of goods that moved
 * with a document. Read without locks, for the form and the buttons to say before a click what can change; the edit
 * or delete itself checks again under its locks.
 */
export async function documentBlockers(db: DbOrTx, documentId: bigint): Promise<Blocker[]> {
  const [moved, arrivals, confirmations, returns] = await allPipelined([
    serialBlockers(db, documentId),
    transferArrivals(db, documentId),
    confirmingReceipts(db, documentId),
    documentReturns(db, documentId),
  ]);
  const whole = [...arrivals, ...confirmations, ...returns];
  return [...whole.filter((a) => !moved.some((b) => b.id === a.id)), ...moved];
}

async function serialBlockers(db: DbOrTx, documentId: bigint): Promise<Blocker[]> {
  return rows<Blocker>(
    db,
    sql`
    with mine as (
      select m.id, m.serial_id, m.direction from serial_movement m join document d on d.id = m.document_id
      where d.id = ${documentId} or d.id = (select stock_document_id from document where id = ${documentId}))
    select distinct on (later_doc.id) s.serial, coalesce(inv.id, later_doc.id)::text as id,
      coalesce(inv.number, later_doc.number) as number, coalesce(inv.kind, later_doc.kind)::text as kind
    from mine
    join serial_number s on s.id = mine.serial_id
    join lateral (select later.document_id from serial_movement later where later.serial_id = mine.serial_id and later.id > mine.id
                  order by later.id limit 1) next on true
    join document later_doc on later_doc.id = next.document_id
    left join document inv on inv.id = later_doc.source_invoice_id
    order by later_doc.id`,
  );
}
