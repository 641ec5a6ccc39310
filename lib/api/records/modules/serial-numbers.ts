import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import {
  document,
  item,
  MOVEMENT_DIRECTIONS,
  partner,
  SERIAL_STATUSES,
  serialMovement,
  serialNumber,
  warehouse,
} from '@/db/schema';
import {
  column,
  dataField,
  dateOut,
  documentLinkJson,
  qualified,
  idField,
  idOut,
  idText,
  isoTime,
  refJson,
  refOut,
  timeOut,
  userJson,
  userOut,
  via,
  type Field,
} from '../fields';
import type { RecordModule } from '../module';
import { groupBy } from '../query/read';
import { documentModuleOf, MODULES } from '@/lib/modules';
import { canonicalKey } from '@/lib/text/canonical-key';
import {
  traceSerials,
  type SerialTrace,
  type TraceDocument,
  type TraceRef,
} from '@/lib/inventory/queries/serial-trace';

const refFilters = (fk: PgColumn, table: typeof item | typeof warehouse) => ({
  id: column('id', fk),
  Code: via('text', fk, table, table.id, table.code),
});

const documentKindOut = z.enum(
  MODULES.filter((m) => m.kind === 'document').map((m) => m.apiName) as [string, ...string[]],
);

const movementOut = z.object({
  Direction: z
    .enum(MOVEMENT_DIRECTIONS)
    .describe(
      'in: received by the document into Warehouse; out: issued by it from Warehouse; ' +
        'move: transferred by it from Warehouse to Destination_Warehouse.',
    ),
  Document: z.object({
    id: idOut,
    Number: z.string(),
    Kind: documentKindOut,
  }),
  Invoice: z
    .object({ id: idOut, Number: z.string() })
    .nullable()
    .describe('The invoice that created the document, if any.'),
  Date: dateOut,
  Partner: refOut.nullable(),
  Warehouse: refOut,
  Destination_Warehouse: refOut.nullable().describe('Where a transfer (move) took it; null for receipts and issues.'),
  Created_By: userOut,
  Time: timeOut,
});

const traceDocumentOut = z
  .object({
    id: idOut,
    Number: z.string(),
    Kind: documentKindOut,
    Date: dateOut,
    Partner: refOut.nullable(),
    Invoice: z
      .object({ id: idOut, Number: z.string() })
      .nullable()
      .describe('The invoice that created the document, if any.'),
  })
  .nullable();

const refWire = (r: TraceRef | null) => (r ? { id: r.id, Code: r.code, Name: r.name } : null);
const documentWire = (d: TraceDocument | null) =>
  d && {
    id: d.id,
    Number: d.number,
    Kind: documentModuleOf(d.kind).apiName,
    Date: d.date,
    Partner: refWire(d.partner),
    Invoice: d.invoice && { id: d.invoice.id, Number: d.invoice.number },
  };

/*
 * The trace of each serial (lib/inventory/queries/serial-trace.ts, the facts the serial's page shows): read
 * once per page of records, whichever of its fields the request asks for. The read handler passes every
 * expand field of a page the same array of ids, which keys the memo.
 */
const tracesOfPage = new WeakMap<bigint[], Promise<SerialTrace[]>>();
function traceField(api: string, out: z.ZodType, description: string, value: (t: SerialTrace) => unknown): Field {
  return {
    api,
    out,
    description,
    expand: async (db, ids) => {
      let traces = tracesOfPage.get(ids);
      if (!traces) tracesOfPage.set(ids, (traces = traceSerials(db, ids)));
      return new Map((await traces).map((trace) => [trace.id, value(trace)]));
    },
  };
}

const traceFields: Field[] = [
  traceField(
    'Destination_Warehouse',
    refOut.nullable(),
    'In transit: the warehouse the transfer is taking it to; otherwise null.',
    (t) => refWire(t.destination),
  ),
  traceField(
    'Customer',
    refOut.nullable(),
    'While sold (issued to a customer): whom to. Null in stock, in transit, when it left by another kind of document (a return to the supplier) or the issue names no customer.',
    (t) => refWire(t.customer),
  ),
  traceField(
    'Purchase',
    traceDocumentOut,
    'The latest goods receipt that brought it in from a supplier (its purchase), with its date and supplier.',
    (t) => documentWire(t.purchase),
  ),
  traceField(
    'Came_In',
    traceDocumentOut,
    'The document that last brought it into Warehouse: a receipt, a transfer, a transfer arrival or a return.',
    (t) => documentWire(t.cameIn),
  ),
  traceField(
    'Went_Out',
    traceDocumentOut,
    'While it is out (issued or in transit): the document that took it, with its date and partner; null in stock. A serial that came back is in stock again, and this is null.',
    (t) => documentWire(t.wentOut),
  ),
  traceField(
    'Purchase_Warranty_End',
    dateOut.nullable(),
    "The last day the supplier's warranty covers: the Purchase's date plus the item's Purchase_Warranty_Months (a day past the end of a shorter month is its last day: January 31 + 1 month = February 28). Null without a purchase or a period.",
    (t) => t.purchaseWarrantyEnd,
  ),
  traceField(
    'Sale_Warranty_End',
    dateOut.nullable(),
    "While sold: the last day the warranty to the customer covers, the sale's (Went_Out's) date plus the item's Sale_Warranty_Months. Null when not sold or no period is set.",
    (t) => t.saleWarrantyEnd,
  ),
];

const fields: Field[] = [
  idField(serialNumber.id),
  {
    ...dataField('Serial', serialNumber.serial, 'text', {
      word: 'key',
      description:
        'The serial number exactly as entered. ' +
        'Searches compare it as it reads (case, width, invisible marks and look-alike letters aside): `?word=` matches serials ' +
        'containing the word (3 letters or digits or more; a shorter word, serials starting with it), exact and starting matches ' +
        'first unless sort_by is given; `criteria=(Serial:equals:abc-1)` finds ABC-1.',
    }),
    sort: serialNumber.serialKey,
    filter: { kind: 'text', canonical: canonicalKey, apply: (compare) => compare(serialNumber.serialKey) },
  },
  {
    api: 'Item',
    out: refOut,
    select: refJson(item, item.id, item.code, item.name, serialNumber.itemId),
    subFilters: refFilters(serialNumber.itemId, item),
  },
  dataField('Status', serialNumber.status, 'enum', {
    values: SERIAL_STATUSES,
    description:
      'in_stock; issued (it left with a goods issue); or in_transit (sent by a transfer in transit, not arrived yet).',
  }),
  {
    api: 'Warehouse',
    out: refOut,
    description: 'Where it is in stock, or the warehouse it was last issued (or sent in transit) from.',
    select: refJson(warehouse, warehouse.id, warehouse.code, warehouse.name, serialNumber.warehouseId),
    subFilters: refFilters(serialNumber.warehouseId, warehouse),
  },
  {
    api: 'Received_Time',
    description: 'When it was last received.',
    out: timeOut,
    select: isoTime(serialNumber.receivedAt),
    sort: serialNumber.receivedAt,
    filter: column('datetime', serialNumber.receivedAt),
  },
  movementTime('Created_Time', 'min', 'When it was first received (its oldest movement).'),
  movementTime('Modified_Time', 'max', 'When it last moved.'),
  ...traceFields,
  {
    api: 'History',
    out: z.array(movementOut),
    expand: loadHistory,
    detailOnly: true,
    description:
      'Every receipt, issue and transfer of the serial, oldest first: where it came from, where it went, when and by whom. In lists only when asked for with fields=History.',
  },
];

/** The serial table keeps no times of its own; its movements do. */
function movementTime(api: string, agg: 'min' | 'max', description: string): Field {
  const at = sql`(select ${sql.raw(agg)}(${qualified(serialMovement.at)}) from ${serialMovement} where ${qualified(serialMovement.serialId)} = ${qualified(serialNumber.id)})`;
  return { api, description, out: timeOut, select: isoTime(at) };
}

export const serialNumbers: RecordModule = {
  api: 'Serial_Numbers',
  singular: 'serial number',
  description:
    'Every serial number ever received: where it is now (warehouse, in transit, or sold to whom), the documents and dates it came in and went out with, the warranty end dates on both sides, and (on GET by id) its full history. Find one by its text with `GET /Serial_Numbers/search?criteria=(Serial:equals:…)` (as it reads: case, width and look-alike letters aside) or `?word=`. Read-only: serials move with documents.',
  read: 'serials.read',
  table: serialNumber,
  fields,
  defaultOrder: [serialNumber.id],
  queryFilters: {
    item: {
      ...via('text', serialNumber.itemId, item, item.id, item.code),
      description: 'Only serials of the item with this code.',
    },
    warehouse: {
      ...via('text', serialNumber.warehouseId, warehouse, warehouse.id, warehouse.code),
      description: 'Only serials in (or last issued from) the warehouse with this code.',
    },
    status: { ...column('enum', serialNumber.status, SERIAL_STATUSES), description: 'in_stock, issued or in_transit.' },
  },
  writes: {
    refusals: Object.fromEntries(
      (['insert', 'update', 'upsert', 'delete'] as const).map((op) => [
        op,
        'Serial numbers are read-only here: they are received and issued with goods receipts, goods issues and invoices.',
      ]),
    ),
  },
};

async function loadHistory(db: DbOrTx, ids: bigint[]): Promise<Map<string, unknown>> {
  const moves = await db
    .select({
      serialId: idText(serialMovement.serialId),
      Direction: serialMovement.direction,
      documentId: idText(document.id),
      number: document.number,
      kind: document.kind,
      Invoice: documentLinkJson(document.sourceInvoiceId),
      Date: sql<string>`${document.date}::text`,
      Partner: refJson(partner, partner.id, partner.code, partner.name, document.partnerId),
      Warehouse: refJson(warehouse, warehouse.id, warehouse.code, warehouse.name, serialMovement.warehouseId),
      Destination_Warehouse: refJson(
        warehouse,
        warehouse.id,
        warehouse.code,
        warehouse.name,
        document.destinationWarehouseId,
      ),
      Created_By: userJson(document.createdBy),
      Time: isoTime(serialMovement.at),
    })
    .from(serialMovement)
    .innerJoin(document, eq(document.id, serialMovement.documentId))
    .where(inArray(serialMovement.serialId, ids))
    .orderBy(asc(serialMovement.serialId), asc(serialMovement.id));
  const bySerial = groupBy(moves, (m) => m.serialId);
  return new Map(
    [...bySerial].map(([id, list]) => [
      id,
      list.map(({ documentId, number, kind, ...m }) => ({
        Direction: m.Direction,
        Document: { id: documentId, Number: number, Kind: documentModuleOf(kind).apiName },
        Invoice: m.Invoice,
        Date: m.Date,
        Partner: m.Partner,
        Warehouse: m.Warehouse,
        Destination_Warehouse: m.Destination_Warehouse,
        Created_By: m.Created_By,
        Time: m.Time,
      })),
    ]),
  );
}
