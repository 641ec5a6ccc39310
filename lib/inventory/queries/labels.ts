import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { jsonList, rows } from '@/lib/sql-rows';

export type LabelRow = { id: string; serial: string; itemCode: string; itemName: string };

/** One print run is capped: a sheet of thousands of barcodes is better printed per document or page. */
export const MAX_LABELS = 2000;

/** The chosen serials (ids from the agenda's check boxes), in the order given. */
export async function labelsForSerials(db: DbOrTx, ids: bigint[]): Promise<LabelRow[]> {
  if (ids.length === 0) return [];
  return rows<LabelRow>(
    db,
    sql`
    select s.id::text, s.serial, i.code as "itemCode", i.name as "itemName"
    from jsonb_array_elements_text(${jsonList(ids.slice(0, MAX_LABELS).map(String))}::jsonb) with ordinality as wanted(id, n)
    join serial_number s on s.id = wanted.id::bigint
    join item i on i.id = s.item_id
    order by wanted.n`,
  );
}

/** Every serial a document received (an invoice's through its goods receipt), in line and scan order. */
export async function labelsForDocument(
  db: DbOrTx,
  documentId: bigint,
): Promise<{ number: string; labels: LabelRow[] } | null> {
  const [doc] = await rows<{ number: string; serialDocument: string }>(
    db,
    sql`
    select number, coalesce(stock_document_id, id)::text as "serialDocument" from document where id = ${documentId}`,
  );
  if (!doc) return null;
  const labels = await rows<LabelRow>(
    db,
    sql`
    select s.id::text, s.serial, i.code as "itemCode", i.name as "itemName"
    from serial_movement m join serial_number s on s.id = m.serial_id join item i on i.id = s.item_id
    where m.document_id = ${BigInt(doc.serialDocument)} and m.direction = 'in'
    order by m.id limit ${MAX_LABELS}`,
  );
  return { number: doc.number, labels };
}
