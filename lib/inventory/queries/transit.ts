import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { parseId } from '@/lib/ids';
import { normaliseSerial } from '@/lib/serials/parse';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { MAX_CHECKED_SERIALS } from '../check-serials';

/** Serials listed as still in transit on a transfer's page; the rest are counted. */
export const TRANSIT_SERIALS_SHOWN = 1000;

export type TransitLine = {
  itemId: string;
  itemCode: string;
  itemName: string;
  unit: string;
  trackSerials: boolean;
  sent: string;
  arrived: string;
  left: string;
};
export type TransitView = {
  lines: TransitLine[];
  /** Serials still in transit, by item; `serialTotal` counts them all. */
  serials: { itemId: string; serial: string }[];
  serialTotal: number;
  arrivals: { id: string; number: string; date: string }[];
};

/** What a transfer sent in transit, what arrived (and with which arrivals) and what is still on its way. */
export async function getTransit(db: DbOrTx, transferId: bigint): Promise<TransitView> {
  const [lines, serials, arrivals] = await allPipelined([
    rows<TransitLine>(
      db,
      sql`
      with sent as (select item_id, sum(quantity) as q from document_line where document_id = ${transferId} group by 1),
      arrived as (select l.item_id, sum(l.quantity) as q from document_line l join document a on a.id = l.document_id
                  where a.transfer_id = ${transferId} group by 1)
      select i.id::text as "itemId", i.code as "itemCode", i.name as "itemName", i.unit, i.track_serials as "trackSerials",
        trim_scale(s.q)::text as sent, trim_scale(coalesce(a.q, 0))::text as arrived, trim_scale(s.q - coalesce(a.q, 0))::text as "left"
      from sent s join item i on i.id = s.item_id left join arrived a using (item_id) order by i.code`,
    ),
    rows<{ itemId: string; serial: string; total: number }>(
      db,
      sql`
      select s.item_id::text as "itemId", s.serial, count(*) over ()::int as total from serial_number s
      where s.status = 'in_transit' and s.issued_line_id in (select id from document_line where document_id = ${transferId})
      order by s.item_id, s.serial_key limit ${TRANSIT_SERIALS_SHOWN}`,
    ),
    rows<{ id: string; number: string; date: string }>(
      db,
      sql`
      select id::text, number, date::text from document where transfer_id = ${transferId} order by date, id`,
    ),
  ]);
  return {
    lines,
    serials: serials.map(({ itemId, serial }) => ({ itemId, serial })),
    serialTotal: serials[0]?.total ?? 0,
    arrivals,
  };
}

const checkArrivalSchema = z.object({
  transferId: z.string().transform((v) => parseId(v) ?? -1n),
  itemId: z.string().transform((v) => parseId(v) ?? -1n),
  serials: z.array(z.string()).max(MAX_CHECKED_SERIALS),
  // An arrival being edited: the serials it received itself are its own to keep.
  arrivalId: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? null : (parseId(v) ?? -1n))),
});
export type CheckArrivalInput = z.input<typeof checkArrivalSchema>;

/**
 * The receive form's live check: which scanned serials are not in transit on this transfer (as they read:
 * `abc-1` is ABC-1), nor received by the arrival being edited. Read-only; posting the arrival checks again under
 * the transfer's lock, with the reasons.
 */
export async function checkArrivalSerials(
  db: DbOrTx,
  input: CheckArrivalInput,
): Promise<{ serial: string; message: string }[]> {
  const data = parseOrThrow(checkArrivalSchema, input);
  const serials = [...new Set(data.serials.map(normaliseSerial).filter((s) => s.length > 0))];
  if (serials.length === 0) return [];
  const keys = serials.map(canonicalKey);
  const found = await rows<{ key: string; number: string }>(
    db,
    sql`
    select s.serial_key as key, d.number from serial_number s join document_line l on l.id = s.issued_line_id join document d on d.id = l.document_id
    where s.item_id = ${data.itemId} and s.serial_key = any(${arrayLiteral(keys)}::text[]) and s.status = 'in_transit' and d.id = ${data.transferId}
    union all
    select s.serial_key, d.number from serial_number s join document_line l on l.id = s.received_line_id join document d on d.id = l.document_id
    where ${data.arrivalId}::bigint is not null and s.item_id = ${data.itemId} and s.serial_key = any(${arrayLiteral(keys)}::text[])
      and s.status = 'in_stock' and d.id = ${data.arrivalId}::bigint and d.transfer_id = ${data.transferId}`,
  );
  const inTransit = new Set(found.map((r) => r.key));
  return serials.flatMap((serial, i) =>
    inTransit.has(keys[i]) ? [] : [{ serial, message: `Serial ${serial} is not in transit on this transfer.` }],
  );
}
