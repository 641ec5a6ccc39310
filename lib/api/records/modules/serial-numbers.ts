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

const refFilters = (fk: PgColumn, table: typeof item | typeof warehouse) => ({
  id: column('id', fk),
  Code: via('text', fk, table, table.id, table.code),
});

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
    Kind: z.enum(MODULES.filter((m) => m.kind === 'document').map((m) => m.apiName) as [string, ...string[]]),
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
    'Every serial number ever received, with where it is now and (on GET by id) its full history. Read-only: serials move with documents.',
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
