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
import { PROVISIONAL_NUMBER } from './numbering';

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
 * Inserts a new document with its lines in one statement: a posting waits for the database once here instead of
 * twice (document, lines), and every wait counts when many users post at once. The document gets its number last
 * (numbering.ts: numberDocuments); until then it carries a provisional one. Lines keep their order (line_no) and
 * each is paired with its new id.
 */
export async function insertDocument(
  tx: DbOrTx,
  doc: NewDocument,
  lines: DocumentLineData[],
  items: Map<bigint, ItemInfo>,
): Promise<{ id: bigint; provisionalNumber: string; lines: StockLine[] }> {
  const column = (pick: (line: DocumentLineData, index: number) => string) => arrayLiteral(lines.map(pick));
  const [row] = await rows<{ id: string; number: string; line_ids: string[] | null }>(
    tx,
    sql`
    with d as (
      insert into document (kind, number, date, partner_id, warehouse_id, destination_warehouse_id, in_transit, transfer_id, expected_receipt_id, return_of_id, note,
        external_number, external_number_key, create_stock_document, source_invoice_id, created_by)
      values (${doc.kind}::document_kind, ${PROVISIONAL_NUMBER}, ${doc.date}::date, ${doc.partnerId}::bigint,
        ${doc.warehouseId}::bigint, ${doc.destinationWarehouseId}::bigint, ${doc.inTransit}::boolean, ${doc.transferId}::bigint, ${doc.expectedReceiptId}::bigint, ${doc.returnOfId}::bigint, ${doc.note}::text, ${doc.externalNumber}::text, ${externalNumberKey(doc.externalNumber)}::text,
        ${doc.createStockDocument}::boolean, ${doc.sourceInvoiceId}::bigint, ${doc.createdBy}::bigint)
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
    provisionalNumber: row.number,
    lines: stockLinesOf(lines, (row.line_ids ?? []).map(BigInt), items),
  };
}
