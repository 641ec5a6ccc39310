import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import type { DocumentLineData } from '@/lib/validation/documents';
import type { StockLine } from './apply';
import type { ItemInfo } from './context';
import type { DocumentKind } from './kinds';
import { stockLinesOf } from './lines';
import { externalNumberKey } from './external-number';
import { nextInSeries, numberOf } from './numbering';

export type NewDocument = {
  kind: DocumentKind;
  date: string;
  partnerId: bigint | null;
  warehouseId: bigint;
  destinationWarehouseId: bigint | null;
  inTransit: boolean;
  transferId: bigint | null;
  expectedReceiptId: bigint | null;
  returnOfId: bigint | null;
  note: string;
  externalNumber: string | null;
  createStockDocument: boolean;
  sourceInvoiceId: bigint | null;
  createdBy: number;
};

/**
 * Numbers a new document and inserts it with its lines in one statement: a posting waits for the
 * database once here instead of three times (number, document, lines), and every wait counts when
 * many users post at once. Lines keep their order (line_no) and each is paired with its new id.
 */
export async function insertNumberedDocument(
  tx: DbOrTx,
  doc: NewDocument,
  lines: DocumentLineData[],
  items: Map<bigint, ItemInfo>,
): Promise<{ id: bigint; number: string; lines: StockLine[] }> {
  const year = Number(doc.date.slice(0, 4));
  const column = (pick: (line: DocumentLineData, index: number) => string) => arrayLiteral(lines.map(pick));
  const [row] = await rows<{ id: string; number: string; line_ids: string[] | null }>(
    tx,
    sql`
    with n as (${nextInSeries(doc.kind, year)}),
    d as (
      insert into document (kind, number, date, partner_id, warehouse_id, destination_warehouse_id, in_transit, transfer_id, expected_receipt_id, return_of_id, note,
        external_number, external_number_key, create_stock_document, source_invoice_id, created_by)
      select ${doc.kind}::document_kind, ${numberOf(doc.kind, year, sql`n.last_number`)}, ${doc.date}::date, ${doc.partnerId}::bigint,
        ${doc.warehouseId}::bigint, ${doc.destinationWarehouseId}::bigint, ${doc.inTransit}::boolean, ${doc.transferId}::bigint, ${doc.expectedReceiptId}::bigint, ${doc.returnOfId}::bigint, ${doc.note}::text, ${doc.externalNumber}::text, ${externalNumberKey(doc.externalNumber)}::text,
        ${doc.createStockDocument}::boolean, ${doc.sourceInvoiceId}::bigint, ${doc.createdBy}::bigint
      from n
      returning id, number
    ),
    l as (
      insert into document_line (document_id, line_no, item_id, quantity, unit_price, vat_rate)
      select d.id, v.line_no, v.item_id, v.quantity, v.unit_price, v.vat_rate
      from d, unnest(${column((_, i) => String(i + 1))}::int[], ${column((l) => String(l.itemId))}::bigint[],
        ${column((l) => l.quantity)}::numeric[], ${column((l) => l.unitPrice)}::numeric[], ${column((l) => l.vatRate ?? '0')}::numeric[])
        as v(line_no, item_id, quantity, unit_price, vat_rate)
      returning id, line_no
    )
    select d.id::text as id, d.number, (select json_agg(l.id::text order by l.line_no) from l) as line_ids from d`,
  );
  return {
    id: BigInt(row.id),
    number: row.number,
    lines: stockLinesOf(lines, (row.line_ids ?? []).map(BigInt), items),
  };
}
