import { asc, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { document, STOCKTAKE_STATUSES, stocktake, warehouse } from '@/db/schema';
import { documentModuleOf } from '@/lib/modules';
import {
  column,
  dataField,
  idField,
  idOut,
  idText,
  isoTime,
  refJson,
  refOut,
  timeField,
  timeOut,
  userField,
  via,
  type Field,
} from '../fields';
import { readOnly, type RecordModule } from '../module';
import { groupBy } from '../query/read';

const adjustmentOut = z.object({
  id: idOut,
  Number: z.string(),
  Kind: z.enum(['Goods_Receipts', 'Goods_Issues']),
});

/** A count as the records API reads it (Stocktakes, and Stocktake_Entries, whose entries go into one). */
export const STOCKTAKE_READ_FIELDS: Field[] = [
  idField(stocktake.id),
  dataField('Number', stocktake.number, 'text', { word: true, description: 'ST-YYYY-NNNNN.' }),
  dataField('Date', stocktake.date, 'date', { description: 'The day the count was opened.' }),
  {
    api: 'Warehouse',
    out: refOut,
    description: 'The warehouse counted.',
    select: refJson(warehouse, warehouse.id, warehouse.code, warehouse.name, stocktake.warehouseId),
    subFilters: {
      id: column('id', stocktake.warehouseId),
      Code: via('text', stocktake.warehouseId, warehouse, warehouse.id, warehouse.code),
    },
  },
  dataField('Status', stocktake.status, 'enum', {
    values: STOCKTAKE_STATUSES,
    description: 'open (scanning), closed (its differences posted; read-only) or cancelled (nothing posted).',
  }),
  dataField('Note', stocktake.note, 'text'),
  dataField('Reason', stocktake.reason, 'text', {
    nullable: true,
    description: 'The reason given at the close; the adjustments carry it in their note.',
  }),
  userField('Created_By', stocktake.createdBy),
  timeField('Created_Time', stocktake.openedAt),
  {
    api: 'Closed_Time',
    description: 'When it was closed or cancelled.',
    out: timeOut.nullable(),
    select: isoTime(stocktake.closedAt),
    sort: stocktake.closedAt,
    filter: column('datetime', stocktake.closedAt),
  },
  {
    api: 'Adjustments',
    out: z.array(adjustmentOut),
    expand: loadAdjustments,
    detailOnly: true,
    description:
      'The goods issue (missing serials, counted shortfalls) and goods receipt (unknown serials found, counted surpluses) the close posted.',
  },
];

export const stocktakes: RecordModule = {
  api: 'Stocktakes',
  singular: 'stocktake',
  description:
    'Inventory counts of a warehouse (ST-YYYY-NNNNN). Read-only here: counts are opened and closed on the web, where several people scan one count at once; scans and counts also come through Stocktake_Entries.',
  read: 'stockDocs.read',
  table: stocktake,
  fields: STOCKTAKE_READ_FIELDS,
  defaultOrder: [stocktake.id],
  queryFilters: {
    warehouse: {
      ...via('text', stocktake.warehouseId, warehouse, warehouse.id, warehouse.code),
      description: 'Only counts of the warehouse with this code.',
    },
    status: { ...column('enum', stocktake.status, STOCKTAKE_STATUSES), description: 'open, closed or cancelled.' },
  },
  writes: readOnly(
    'Stocktakes are read-only here: open and close them on the web; send the scans and counts of an open one to Stocktake_Entries.',
  ),
};

async function loadAdjustments(db: DbOrTx, ids: bigint[]): Promise<Map<string, unknown>> {
  const docs = await db
    .select({
      stocktakeId: idText(document.stocktakeId),
      id: idText(document.id),
      number: document.number,
      kind: document.kind,
    })
    .from(document)
    .where(inArray(document.stocktakeId, ids))
    .orderBy(asc(document.stocktakeId), asc(document.id));
  const byCount = groupBy(docs, (d) => d.stocktakeId);
  return new Map(
    [...byCount].map(([id, list]) => [
      id,
      list.map((d) => ({ id: d.id, Number: d.number, Kind: documentModuleOf(d.kind).apiName })),
    ]),
  );
}
