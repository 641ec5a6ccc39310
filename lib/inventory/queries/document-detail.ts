import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { rows } from '@/lib/sql-rows';
import { documentTotalsSql, lineNetSql, lineVatSql } from './money';

type DocRef = { id: string; number: string; kind: DocumentKind };

export type DocumentHeader = {
  id: string;
  kind: DocumentKind;
  number: string;
  date: string;
  note: string;
  createStockDocument: boolean;
  externalNumber: string | null;
  partner: { id: string; code: string; name: string } | null;
  warehouse: { id: string; code: string; name: string };
  /** A transfer's destination, and whether it went in transit; the transfer an arrival brought goods of. */
  destinationWarehouse: { id: string; code: string; name: string } | null;
  inTransit: boolean;
  transfer: DocRef | null;
  /** A goods receipt that confirmed an expected receipt: that one. */
  expectedReceipt: DocRef | null;
  /** A return's or credit note's document the goods go back on. */
  returnOf: DocRef | null;
  stockDocument: DocRef | null;
  sourceInvoice: DocRef | null;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  /** What an edit form carries: a save over a newer version is refused. */
  version: number;
  totals: { net: string; vat: string; gross: string };
};

type HeaderRow = {
  id: string;
  kind: DocumentKind;
  number: string;
  date: string;
  note: string;
  createStockDocument: boolean;
  externalNumber: string | null;
  partnerId: string | null;
  partnerCode: string | null;
  partnerName: string | null;
  warehouseId: string;
  warehouseCode: string;
  warehouseName: string;
  destinationId: string | null;
  destinationCode: string | null;
  destinationName: string | null;
  inTransit: boolean;
  transferId: string | null;
  transferNumber: string | null;
  expectedId: string | null;
  expectedNumber: string | null;
  returnOfId: string | null;
  returnOfNumber: string | null;
  returnOfKind: DocumentKind | null;
  stockId: string | null;
  stockNumber: string | null;
  stockKind: DocumentKind | null;
  sourceId: string | null;
  sourceNumber: string | null;
  sourceKind: DocumentKind | null;
  createdBy: string | null;
  createdAt: Date;
  updatedBy: string | null;
  updatedAt: Date;
  version: number;
  net: string;
  vat: string;
  gross: string;
};

/** A document's header, partner, warehouse, the invoice ↔ goods document link and exact totals. */
export async function getDocument(db: DbOrTx, id: bigint): Promise<DocumentHeader | null> {
  const totals = documentTotalsSql(sql`d.id`);
  const [row] = await rows<HeaderRow>(
    db,
    sql`
    select d.id::text, d.kind, d.number, d.date::text, d.note, d.create_stock_document as "createStockDocument",
      d.external_number as "externalNumber",
      p.id::text as "partnerId", p.code as "partnerCode", p.name as "partnerName",
      w.id::text as "warehouseId", w.code as "warehouseCode", w.name as "warehouseName",
      dw.id::text as "destinationId", dw.code as "destinationCode", dw.name as "destinationName",
      d.in_transit as "inTransit", tr.id::text as "transferId", tr.number as "transferNumber",
      er.id::text as "expectedId", er.number as "expectedNumber",
      ro.id::text as "returnOfId", ro.number as "returnOfNumber", ro.kind as "returnOfKind",
      sd.id::text as "stockId", sd.number as "stockNumber", sd.kind as "stockKind",
      si.id::text as "sourceId", si.number as "sourceNumber", si.kind as "sourceKind",
      cu.name as "createdBy", d.created_at as "createdAt", uu.name as "updatedBy", d.updated_at as "updatedAt", d.version,
      ${totals.net} as net, ${totals.vat} as vat, ${totals.gross} as gross
    from document d
    join warehouse w on w.id = d.warehouse_id
    left join warehouse dw on dw.id = d.destination_warehouse_id
    left join document tr on tr.id = d.transfer_id
    left join document er on er.id = d.expected_receipt_id
    left join document ro on ro.id = d.return_of_id
    left join partner p on p.id = d.partner_id
    left join document sd on sd.id = d.stock_document_id
    left join document si on si.id = d.source_invoice_id
    left join "user" cu on cu.id = d.created_by
    left join "user" uu on uu.id = d.updated_by
    where d.id = ${id}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    date: row.date,
    note: row.note,
    createStockDocument: row.createStockDocument,
    externalNumber: row.externalNumber,
    partner: row.partnerId ? { id: row.partnerId, code: row.partnerCode!, name: row.partnerName! } : null,
    warehouse: { id: row.warehouseId, code: row.warehouseCode, name: row.warehouseName },
    destinationWarehouse: row.destinationId
      ? { id: row.destinationId, code: row.destinationCode!, name: row.destinationName! }
      : null,
    inTransit: row.inTransit,
    transfer: row.transferId ? { id: row.transferId, number: row.transferNumber!, kind: 'transfer' } : null,
    expectedReceipt: row.expectedId
      ? { id: row.expectedId, number: row.expectedNumber!, kind: 'expected_receipt' }
      : null,
    returnOf: row.returnOfId ? { id: row.returnOfId, number: row.returnOfNumber!, kind: row.returnOfKind! } : null,
    stockDocument: row.stockId ? { id: row.stockId, number: row.stockNumber!, kind: row.stockKind! } : null,
    sourceInvoice: row.sourceId ? { id: row.sourceId, number: row.sourceNumber!, kind: row.sourceKind! } : null,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
    updatedBy: row.updatedBy,
    updatedAt: new Date(row.updatedAt),
    version: row.version,
    totals: { net: row.net, vat: row.vat, gross: row.gross },
  };
}

export type DocumentLineView = {
  id: string;
  lineNo: number;
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  net: string;
  vat: string;
  gross: string;
  serials: { id: string; serial: string }[];
  serialTotal: number;
};

/** Serials shown per line on the detail page; the rest is counted (a 10,000-serial line stays a light page). */
export const SERIALS_SHOWN_PER_LINE = 1000;

/**
 * The lines with exact totals and their serial numbers. An invoice moves no serials itself: they sit
 * on the lines of the goods document it generated, which carry the same line numbers.
 */
export async function getDocumentLines(
  db: DbOrTx,
  header: Pick<DocumentHeader, 'id' | 'stockDocument'>,
): Promise<DocumentLineView[]> {
  const l = sql.raw('l');
  const lines = await rows<Omit<DocumentLineView, 'serials' | 'serialTotal'>>(
    db,
    sql`
    select l.id::text, l.line_no as "lineNo", i.id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit,
      i.track_serials as "trackSerials", l.quantity::text, l.unit_price::text as "unitPrice", l.vat_rate::text as "vatRate",
      ${lineNetSql(l)}::text as net, ${lineVatSql(l)}::text as vat, (${lineNetSql(l)} + ${lineVatSql(l)})::text as gross
    from document_line l join item i on i.id = l.item_id
    where l.document_id = ${BigInt(header.id)} order by l.line_no`,
  );
  const serialDocument = BigInt(header.stockDocument?.id ?? header.id);
  const serials = await rows<{ lineNo: number; id: string; serial: string; total: number }>(
    db,
    sql`
    select "lineNo", id, serial, total::int from (
      select gl.line_no as "lineNo", s.id::text as id, s.serial,
        row_number() over (partition by m.line_id order by m.id) as n, count(*) over (partition by m.line_id) as total
      from serial_movement m join document_line gl on gl.id = m.line_id join serial_number s on s.id = m.serial_id
      where m.document_id = ${serialDocument}) x
    where n <= ${SERIALS_SHOWN_PER_LINE} order by "lineNo", n`,
  );
  const byLine = new Map<number, { serials: { id: string; serial: string }[]; total: number }>();
  for (const s of serials) {
    const entry = byLine.get(s.lineNo) ?? { serials: [], total: s.total };
    entry.serials.push({ id: s.id, serial: s.serial });
    byLine.set(s.lineNo, entry);
  }
  return lines.map((line) => ({
    ...line,
    serials: byLine.get(line.lineNo)?.serials ?? [],
    serialTotal: byLine.get(line.lineNo)?.total ?? 0,
  }));
}

export type AuditEntry = {
  id: string;
  action: 'create' | 'update' | 'delete';
  userName: string | null;
  at: Date;
  changes: string;
};

/** Who did what to the document and when, oldest first. */
export async function getDocumentAudit(db: DbOrTx, id: bigint): Promise<AuditEntry[]> {
  const found = await rows<AuditEntry>(
    db,
    sql`
    select a.id::text, a.action, u.name as "userName", a.at, a.changes
    from audit_log a left join "user" u on u.id = a.user_id
    where a.entity = 'document' and a.entity_id = ${id} order by a.id`,
  );
  return found.map((entry) => ({ ...entry, at: new Date(entry.at) }));
}

export type EditableLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  quantity: string;
  unitPrice: string;
  vatRate: string;
  serials: string[];
};

/** The lines as the form edits them: every serial (no cap), from the goods document for an invoice. */
export async function getEditableLines(
  db: DbOrTx,
  header: Pick<DocumentHeader, 'id' | 'stockDocument'>,
): Promise<EditableLine[]> {
  const lines = await rows<Omit<EditableLine, 'serials'> & { lineNo: number }>(
    db,
    sql`
    select l.line_no as "lineNo", i.id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit,
      i.track_serials as "trackSerials", trim_scale(l.quantity)::text as quantity, trim_scale(l.unit_price)::text as "unitPrice",
      trim_scale(l.vat_rate)::text as "vatRate"
    from document_line l join item i on i.id = l.item_id where l.document_id = ${BigInt(header.id)} order by l.line_no`,
  );
  const serials = await rows<{ lineNo: number; serial: string }>(
    db,
    sql`
    select "lineNo", serial from (
      select gl.line_no as "lineNo", s.serial, m.id as ord from serial_movement m
      join document_line gl on gl.id = m.line_id join serial_number s on s.id = m.serial_id
      where m.document_id = ${BigInt(header.stockDocument?.id ?? header.id)}
      union all
      -- An expected receipt's serials are its expected list: every one, received and dropped too, as it was prepared.
      select l.line_no, e.serial, e.id from expected_serial e join document_line l on l.id = e.line_id
      where e.document_id = ${BigInt(header.id)}) x
    order by ord`,
  );
  const byLine = new Map<number, string[]>();
  for (const s of serials) {
    const list = byLine.get(s.lineNo);
    if (list) list.push(s.serial);
    else byLine.set(s.lineNo, [s.serial]);
  }
  return lines.map(({ lineNo, ...line }) => ({ ...line, serials: byLine.get(lineNo) ?? [] }));
}
