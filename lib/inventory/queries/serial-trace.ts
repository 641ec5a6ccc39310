import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { SERIAL_STATUSES } from '@/db/schema/inventory';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { keySearch } from '@/lib/search/key-search';
import { rows } from '@/lib/sql-rows';
import { warrantyEnd } from '@/lib/warranty/warranty-end';
import { listSerials, parseSerialListParams } from './serials';

/*
 * Where a serial is and how it got there, with its warranty on both sides: the facts the serial's page, the
 * "Look up a serial" screen and the records API's Serial_Numbers module all show, read here once.
 *
 * The serial's own row says where it is now (its status and warehouse) and which lines moved it last (the
 * line that brought it to its warehouse, and while it is out the line that took it). The inventory core
 * keeps those on every movement, returns included: a sold serial that comes back is in stock again, brought
 * by the return, and nothing here assumes that the last issue is final.
 */

type SerialStatus = (typeof SERIAL_STATUSES)[number];
export type TraceRef = { id: string; code: string; name: string };

/** A document that moved the serial, as the trace names it. */
export type TraceDocument = {
  id: string;
  number: string;
  kind: DocumentKind;
  date: string;
  partner: TraceRef | null;
  /** The invoice that created it, when an invoice did. */
  invoice: { id: string; number: string; kind: DocumentKind } | null;
};

export type SerialTrace = {
  id: string;
  serial: string;
  status: SerialStatus;
  item: TraceRef;
  /** In stock: where it is. Issued: where it left from. In transit: where it was sent from. */
  warehouse: TraceRef;
  /** In transit: where the transfer is taking it. */
  destination: TraceRef | null;
  /** The latest receipt from a supplier: its purchase, from which its purchase warranty runs. */
  purchase: TraceDocument | null;
  /** The document that brought it into `warehouse` last: a receipt, a transfer, an arrival or a return. */
  cameIn: TraceDocument | null;
  /** While it is out (issued or in transit): the document that took it. */
  wentOut: TraceDocument | null;
  /** `wentOut` when that is a sale (an issue to a customer), from which its sale warranty runs. */
  sale: TraceDocument | null;
  /** Whom it was sold to; null when in stock, in transit, out by another kind of document or sold unnamed. */
  customer: TraceRef | null;
  purchaseWarrantyMonths: number | null;
  saleWarrantyMonths: number | null;
  /** The last day the supplier's warranty covers: the purchase's date + the item's purchase warranty. */
  purchaseWarrantyEnd: string | null;
  /** The last day the warranty to the customer covers, while sold: the sale's date + the item's sale warranty. */
  saleWarrantyEnd: string | null;
};

const kindsWhere = (test: (info: (typeof KINDS)[DocumentKind]) => boolean) =>
  (Object.keys(KINDS) as DocumentKind[]).filter((kind) => KINDS[kind].movesStock && test(KINDS[kind]));

/**
 * A purchase is stock received from a supplier; a sale, stock issued to a customer. Read off the kinds'
 * declarations, so a document kind added later (a customer return comes in from a customer, a return to
 * supplier goes out to one) is neither.
 */
export const PURCHASE_KINDS = kindsWhere((k) => k.direction === 'in' && k.partnerRole === 'supplier');
export const SALE_KINDS = kindsWhere((k) => k.direction === 'out' && k.partnerRole === 'customer');

const ref = (table: string, id: SQL) =>
  sql`(select json_build_object('id', r.id::text, 'code', r.code, 'name', r.name) from ${sql.raw(table)} r where r.id = ${id})`;

/** The document of a line, as a TraceDocument in JSON. */
const documentJson = (alias: string) => {
  const d = sql.raw(alias);
  return sql`json_build_object('id', ${d}.id::text, 'number', ${d}.number, 'kind', ${d}.kind, 'date', ${d}.date::text,
    'partner', ${ref('partner', sql`${d}.partner_id`)},
    'invoice', (select json_build_object('id', v.id::text, 'number', v.number, 'kind', v.kind)
      from document v where v.id = ${d}.source_invoice_id))`;
};

const kindList = (kinds: DocumentKind[]) =>
  sql`array[${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )}]::document_kind[]`;

type TraceRow = Omit<SerialTrace, 'sale' | 'customer' | 'purchaseWarrantyEnd' | 'saleWarrantyEnd'>;

/** The traces of serials by id, in the order asked; an id with no serial is left out. */
export async function traceSerials(db: DbOrTx, ids: readonly bigint[]): Promise<SerialTrace[]> {
  if (ids.length === 0) return [];
  const found = await rows<TraceRow>(
    db,
    sql`
    select s.id::text, s.serial, s.status,
      json_build_object('id', i.id::text, 'code', i.code, 'name', i.name) as item,
      json_build_object('id', w.id::text, 'code', w.code, 'name', w.name) as warehouse,
      case when s.status = 'in_transit' then ${ref('warehouse', sql`gone.destination_warehouse_id`)} end as destination,
      (select ${documentJson('pd')} from serial_movement pm join document pd on pd.id = pm.document_id
        where pm.serial_id = s.id and pm.direction = 'in' and pd.kind = any(${kindList(PURCHASE_KINDS)})
        order by pm.id desc limit 1) as purchase,
      case when here.id is not null then ${documentJson('here')} end as "cameIn",
      case when gone.id is not null then ${documentJson('gone')} end as "wentOut",
      i.purchase_warranty_months as "purchaseWarrantyMonths", i.sale_warranty_months as "saleWarrantyMonths"
    from unnest(${`{${ids.join(',')}}`}::bigint[]) with ordinality as asked(id, n)
    join serial_number s on s.id = asked.id
    join item i on i.id = s.item_id
    join warehouse w on w.id = s.warehouse_id
    left join document_line hl on hl.id = s.received_line_id
    left join document here on here.id = hl.document_id
    left join document_line gl on gl.id = s.issued_line_id and s.status <> 'in_stock'
    left join document gone on gone.id = gl.document_id
    order by asked.n`,
  );
  return found.map(withWarranty);
}

/** The sale and both warranty ends, from the facts read. */
function withWarranty(row: TraceRow): SerialTrace {
  const sale = row.status === 'issued' && row.wentOut && SALE_KINDS.includes(row.wentOut.kind) ? row.wentOut : null;
  return {
    ...row,
    sale,
    customer: sale?.partner ?? null,
    purchaseWarrantyEnd: warrantyEnd(row.purchase?.date ?? null, row.purchaseWarrantyMonths),
    saleWarrantyEnd: warrantyEnd(sale?.date ?? null, row.saleWarrantyMonths),
  };
}

/** The most serials a lookup lists (a page of the agenda); more are counted, and the agenda lists them all. */
export const LOOKUP_LIMIT = 25;

export type SerialLookup = {
  /** exact: the serials that read as the text (one per item at most); contains: those whose key contains it. */
  match: 'exact' | 'contains' | 'none';
  traces: SerialTrace[];
  /** How many matched; counting stops past SERIAL_COUNT_CAP (`capped`). */
  total: number;
  capped: boolean;
};

const NONE: SerialLookup = { match: 'none', traces: [], total: 0, capped: false };

/**
 * The serials a scanned or typed text names: those that read as it (lib/text/canonical-key.ts: case, width,
 * invisible marks and look-alike letters aside), one per item that has it; when none does, those containing
 * it, ranked and counted as the agenda's search does (listSerials, measured at a million serials by the bench).
 */
export async function lookupSerials(db: DbOrTx, text: string): Promise<SerialLookup> {
  const search = keySearch(text);
  if (!search) return NONE;
  const exact = await rows<{ id: string }>(
    db,
    sql`select id::text from serial_number where serial_key = ${search.key} order by id limit ${LOOKUP_LIMIT}`,
  );
  if (exact.length > 0) {
    const traces = await traceSerials(
      db,
      exact.map((r) => BigInt(r.id)),
    );
    return { match: 'exact', traces, total: traces.length, capped: false };
  }
  const page = await listSerials(db, parseSerialListParams({ q: text, all: '1', perPage: String(LOOKUP_LIMIT) }));
  if (page.total === 0) return NONE;
  const traces = await traceSerials(
    db,
    page.rows.map((r) => BigInt(r.id)),
  );
  return { match: 'contains', traces, total: page.total, capped: page.capped };
}
