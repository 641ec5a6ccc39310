import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { MAX_SERIAL_LENGTH, normaliseSerial } from '@/lib/serials/parse';
import { parseOrThrow } from '@/lib/validation/zod-errors';

/** One request checks up to this many serials (a whole big line), in one query. */
export const MAX_CHECKED_SERIALS = 10_000;

const idText = z.union([z.string(), z.bigint()]).transform((v, ctx) => {
  const id = parseId(String(v));
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: 'Choose the item and the warehouse first.' });
    return z.NEVER;
  }
  return id;
});

export const checkSerialsSchema = z.object({
  itemId: idText,
  warehouseId: idText,
  direction: z.enum(['receive', 'issue']),
  serials: z
    .array(z.string().max(MAX_SERIAL_LENGTH))
    .max(
      MAX_CHECKED_SERIALS,
      `At most ${MAX_CHECKED_SERIALS.toLocaleString('en')} serial numbers can be checked at once.`,
    ),
  excludeDocumentId: z.union([idText, z.null()]).optional(),
});
export type CheckSerialsInput = z.input<typeof checkSerialsSchema>;
export type SerialCheckProblem = { serial: string; message: string };

type Known = {
  serial: string;
  key: string;
  sameItem: boolean;
  itemCode: string;
  status: 'in_stock' | 'issued' | 'in_transit';
  sameWarehouse: boolean;
  warehouseCode: string;
  receivedBy: string | null;
  issuedBy: string | null;
  receivedHere: boolean;
  issuedHere: boolean;
  /** Moved out of this warehouse by the transfer being edited: back here when the edit undoes it. */
  transferredFromHere: boolean;
};

/**
 * Live validation for the serial form, while typing: the same reasons, in the same words, as the core
 * gives when the document is saved (lib/inventory/serial-diagnosis.ts), but read-only and for a whole
 * batch in one query. Serials this document itself received, issued or transferred (when editing it) are fine.
 */
export async function checkSerials(db: DbOrTx, input: CheckSerialsInput): Promise<SerialCheckProblem[]> {
  const data = parseOrThrow(checkSerialsSchema, input);
  const serials = [...new Set(data.serials.map(normaliseSerial).filter((s) => s.length > 0))];
  const [context] = await rows<{ itemCode: string | null; warehouseCode: string | null }>(
    db,
    sql`
    select (select code from item where id = ${data.itemId}) as "itemCode", (select code from warehouse where id = ${data.warehouseId}) as "warehouseCode"`,
  );
  if (!context.itemCode) throw new DomainError('NOT_FOUND', 'This item does not exist.');
  if (!context.warehouseCode) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
  if (serials.length === 0) return [];
  const keys = serials.map(canonicalKey);
  const known = groupByKey(
    await lookup(db, [...new Set(keys)], data.itemId, data.warehouseId, data.excludeDocumentId ?? null),
  );
  const names = { itemCode: context.itemCode, warehouseCode: context.warehouseCode };
  return serials.flatMap((serial, index) => {
    const found = known.get(keys[index]) ?? [];
    const message =
      data.direction === 'receive' ? receiveProblem(serial, found, names) : issueProblem(serial, found, names);
    return message ? [{ serial, message }] : [];
  });
}

/** Everything known about these serial keys, for any item, in one query over the btree on the key. */
function lookup(db: DbOrTx, keys: string[], itemId: bigint, warehouseId: bigint, excludeDocumentId: bigint | null) {
  return rows<Known>(
    db,
    sql`
    with input as (select unnest(${arrayLiteral(keys)}::text[]) as key),
    excluded as (
      select id from document where id = ${excludeDocumentId}
      union select stock_document_id from document where id = ${excludeDocumentId} and stock_document_id is not null)
    select s.serial, s.serial_key as key, s.item_id = ${itemId} as "sameItem", i.code as "itemCode", s.status,
      s.warehouse_id = ${warehouseId} as "sameWarehouse", w.code as "warehouseCode",
      rd.number as "receivedBy", idoc.number as "issuedBy",
      coalesce(rd.id in (select id from excluded), false) as "receivedHere",
      coalesce(idoc.id in (select id from excluded), false) as "issuedHere",
      coalesce(rd.id in (select id from excluded) and rd.kind = 'transfer' and rd.warehouse_id = ${warehouseId}, false) as "transferredFromHere"
    from input
    join serial_number s on s.serial_key = input.key
    join item i on i.id = s.item_id
    join warehouse w on w.id = s.warehouse_id
    left join document_line rl on rl.id = s.received_line_id left join document rd on rd.id = rl.document_id
    left join document_line il on il.id = s.issued_line_id left join document idoc on idoc.id = il.document_id`,
  );
}

/** A map, not a scan per serial: 10,000 serials against 10,000 rows must stay linear. */
function groupByKey(rows: Known[]): Map<string, Known[]> {
  const byKey = new Map<string, Known[]>();
  for (const row of rows) {
    const list = byKey.get(row.key);
    if (list) list.push(row);
    else byKey.set(row.key, [row]);
  }
  return byKey;
}

type Names = { itemCode: string; warehouseCode: string };

function receiveProblem(serial: string, found: Known[], { itemCode }: Names): string | null {
  const mine = found.find((k) => k.sameItem);
  if (!mine || mine.status !== 'in_stock' || mine.receivedHere) return null;
  if (mine.serial !== serial) {
    return `Serial ${serial} of item ${itemCode} looks the same as ${mine.serial}, in stock in warehouse ${mine.warehouseCode}${mine.receivedBy ? ` since ${mine.receivedBy}` : ''}.`;
  }
  const by = mine.receivedBy ? ` (received by ${mine.receivedBy})` : '';
  return `Serial ${serial} of item ${itemCode} is already in stock in warehouse ${mine.warehouseCode}${by}.`;
}

function issueProblem(serial: string, found: Known[], { itemCode, warehouseCode }: Names): string | null {
  const mine = found.find((k) => k.sameItem);
  const prefix = `Serial ${serial} of item ${itemCode} is not in stock in warehouse ${warehouseCode}`;
  if (mine?.transferredFromHere) return null;
  if (mine) {
    const availableHere = mine.status === 'in_stock' || mine.issuedHere;
    if (availableHere && mine.sameWarehouse) return null;
    if (mine.status === 'issued' && !mine.issuedHere)
      return `${prefix}: already issued by ${mine.issuedBy ?? 'another document'}.`;
    if (mine.status === 'in_transit' && !mine.issuedHere)
      return `${prefix}: it is in transit on ${mine.issuedBy ?? 'a transfer'}.`;
    return `${prefix}: it is in warehouse ${mine.warehouseCode}.`;
  }
  const other = found[0];
  if (other) return `Serial ${serial} belongs to item ${other.itemCode}, not ${itemCode}.`;
  return `${prefix}: it was never received.`;
}
