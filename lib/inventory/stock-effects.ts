import { sql } from 'drizzle-orm';

/**
 * What each posted document does to stock, as SQL rows (document_id, date, warehouse_id, sign): a receipt (a
 * transfer's arrival, a customer return) adds to its warehouse, an issue (a return to the supplier) takes from it,
 * a transfer takes from its warehouse and adds to its destination unless it went in transit (then its arrivals add
 * there, on their dates). Invoices and credit notes move nothing
 * themselves (their goods documents do). One copy for every reader: the dated check (dated-stock.ts) and the
 * invariant that stock is the sum of the documents (invariants.ts).
 */
export const DOCUMENT_STOCK_EFFECTS = sql.raw(`(
  select d.id as document_id, d.date, d.warehouse_id,
    case when d.kind in ('goods_receipt', 'transfer_arrival', 'customer_return') then 1 else -1 end as sign
  from document d where d.kind in ('goods_receipt', 'goods_issue', 'transfer', 'transfer_arrival', 'customer_return', 'supplier_return')
  union all
  select d.id, d.date, d.destination_warehouse_id, 1 from document d where d.kind = 'transfer' and not d.in_transit)`);
