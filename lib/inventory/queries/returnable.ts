import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { goodsLinesOf } from '@/lib/inventory/serial-moves';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';

/** What can still go back on a return naming a document: per item, the quantity left and the eligible serials. */
export type ReturnableLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  /** Moved with the document minus what earlier returns on it took back. */
  quantity: string;
  unitPrice: string;
  vatRate: string;
  serials: string[];
};

export type ReturnStart = {
  origin: { id: string; number: string; kind: DocumentKind };
  partner: { id: string; code: string; name: string } | null;
  warehouseId: string;
  lines: ReturnableLine[];
};

type OriginRow = {
  id: string;
  number: string;
  kind: DocumentKind;
  goodsId: string | null;
  names: string[];
  warehouseId: string;
  partnerId: string | null;
  partnerCode: string | null;
  partnerName: string | null;
};

/**
 * How a return of `kind` naming document `originId` starts: its partner and warehouse, and a line per item with what
 * can still go back — for a customer return the serials still out with that sale, for a return to the supplier those
 * still in stock in its warehouse whose latest receipt it is (the same conditions the core moves them under,
 * serial-moves.ts). Editing return `returnId`, what it already took back counts as still out (the edit undoes it
 * before it takes again), so its own serials and quantities are offered beside the rest: in stock again where it
 * received them, or issued by it to the supplier. Null when the document does not exist or is not one this kind
 * returns goods of.
 */
export async function getReturnStart(
  db: DbOrTx,
  kind: DocumentKind,
  originId: bigint,
  returnId: bigint | null = null,
): Promise<ReturnStart | null> {
  const [origin] = await rows<OriginRow>(
    db,
    sql`
    select d.id::text, d.number, d.kind::text as kind, g.id::text as "goodsId",
      array[coalesce(g.source_invoice_id, g.id), g.id]::text[] as names, coalesce(g.warehouse_id, d.warehouse_id)::text as "warehouseId",
      p.id::text as "partnerId", p.code as "partnerCode", p.name as "partnerName"
    from document d left join partner p on p.id = d.partner_id
    left join document g on g.id = case when d.kind in ('goods_issue', 'goods_receipt') then d.id else d.stock_document_id end
    where d.id = ${originId}`,
  );
  if (!origin || !(KINDS[kind].returnOf ?? []).includes(origin.kind)) return null;
  const lines = origin.goodsId ? await returnableLines(db, kind, origin, returnId) : [];
  return {
    origin: { id: origin.id, number: origin.number, kind: origin.kind },
    partner: origin.partnerId ? { id: origin.partnerId, code: origin.partnerCode!, name: origin.partnerName! } : null,
    warehouseId: origin.warehouseId,
    lines,
  };
}

/** The lines of return `returnId` and of the customer return a credit note created: where its serials went. */
const linesOfReturn = (returnId: bigint) =>
  sql`(select l.id from document_line l join document d on d.id = l.document_id
    where d.id = ${returnId} or d.source_invoice_id = ${returnId})`;

async function returnableLines(
  db: DbOrTx,
  kind: DocumentKind,
  origin: OriginRow,
  returnId: bigint | null,
): Promise<ReturnableLine[]> {
  const goodsId = BigInt(origin.goodsId!);
  const customer = KINDS[kind].direction === 'in';
  const eligible = customer
    ? sql`s.status = 'issued' and s.issued_line_id in ${goodsLinesOf(goodsId)}`
    : sql`s.status = 'in_stock' and s.warehouse_id = ${BigInt(origin.warehouseId)} and (
          select r.line_id from serial_movement r join document rd on rd.id = r.document_id
          where r.serial_id = s.id and rd.kind = 'goods_receipt' order by r.id desc limit 1) in ${goodsLinesOf(goodsId)}`;
  const own =
    returnId === null
      ? sql`false`
      : customer
        ? sql`s.status = 'in_stock' and s.received_line_id in ${linesOfReturn(returnId)}`
        : sql`s.status = 'issued' and s.issued_line_id in ${linesOfReturn(returnId)}`;
  const found = await rows<ReturnableLine>(
    db,
    sql`
    with moved as (
      select item_id, sum(quantity) as q, min(line_no) as first, (array_agg(trim_scale(unit_price)::text order by line_no))[1] as price,
        (array_agg(trim_scale(vat_rate)::text order by line_no))[1] as vat
      from document_line where document_id = ${goodsId} group by 1),
    returned as (
      select l.item_id, sum(l.quantity) as q from document_line l join document r on r.id = l.document_id
      where r.kind in ('customer_return', 'supplier_return') and r.return_of_id = any(${arrayLiteral(origin.names)}::bigint[])
        and r.id not in (select id from document where id = ${returnId} or source_invoice_id = ${returnId}) group by 1)
    select i.id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit, i.track_serials as "trackSerials",
      trim_scale(m.q - coalesce(r.q, 0))::text as quantity, coalesce(m.price, '0') as "unitPrice", coalesce(m.vat, '0') as "vatRate",
      coalesce((select json_agg(s.serial order by s.serial_key) from serial_number s where s.item_id = i.id and (${eligible} or ${own})), '[]') as serials
    from moved m join item i on i.id = m.item_id left join returned r using (item_id)
    where m.q > coalesce(r.q, 0) order by m.first`,
  );
  // A tracked line offers its eligible serials; its quantity is how many of them there are.
  return found
    .map((l) => (l.trackSerials ? { ...l, quantity: String(l.serials.length) } : l))
    .filter((l) => l.quantity !== '0');
}
