import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';

/** Expected serials listed by name on an expected receipt's page and sent to its confirm form. */
export const EXPECTED_SERIALS_SHOWN = 20_000;

export type ExpectedLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  unitPrice: string;
  vatRate: string;
  expected: number;
  received: number;
  dropped: number;
  /** Still expected: what a confirmation may scan. */
  left: string;
};
export type ExpectedView = {
  lines: ExpectedLine[];
  /** The serials still expected, by item; `serialTotal` counts them all. */
  serials: { itemId: string; serial: string }[];
  serialTotal: number;
  confirmations: { id: string; number: string; date: string }[];
};

/** What an expected receipt waits for, per item, the serials still expected and the receipts that confirmed it. */
export async function getExpected(db: DbOrTx, documentId: bigint): Promise<ExpectedView> {
  const [lines, serials, confirmations] = await allPipelined([
    rows<ExpectedLine>(
      db,
      sql`
      with l as (select distinct on (item_id) item_id, unit_price, vat_rate from document_line
                 where document_id = ${documentId} order by item_id, line_no),
      e as (select item_id, count(*) filter (where status = 'expected')::int as expected,
              count(*) filter (where status = 'received')::int as received, count(*) filter (where status = 'dropped')::int as dropped
            from expected_serial where document_id = ${documentId} group by 1)
      select i.id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit, i.track_serials as "trackSerials",
        trim_scale(l.unit_price)::text as "unitPrice", trim_scale(l.vat_rate)::text as "vatRate",
        coalesce(e.expected, 0) as expected, coalesce(e.received, 0) as received, coalesce(e.dropped, 0) as dropped,
        coalesce(e.expected, 0)::text as "left"
      from l join item i on i.id = l.item_id left join e using (item_id) order by i.code`,
    ),
    rows<{ itemId: string; serial: string; total: number }>(
      db,
      sql`
      select item_id::text as "itemId", serial, count(*) over ()::int as total from expected_serial
      where document_id = ${documentId} and status = 'expected' order by item_id, id limit ${EXPECTED_SERIALS_SHOWN}`,
    ),
    rows<{ id: string; number: string; date: string }>(
      db,
      sql`select id::text, number, date::text from document where expected_receipt_id = ${documentId} order by date, id`,
    ),
  ]);
  return {
    lines,
    serials: serials.map(({ itemId, serial }) => ({ itemId, serial })),
    serialTotal: serials[0]?.total ?? 0,
    confirmations,
  };
}
