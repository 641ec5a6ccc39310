import { ne } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { item, stockLevel, warehouse } from '@/db/schema';
import { column, dataField, refJson, refOut, via, type Field } from '../fields';
import { readOnly, type RecordModule } from '../module';

const ref = (api: 'Item' | 'Warehouse', fk: PgColumn, table: typeof item | typeof warehouse): Field => ({
  api,
  out: refOut,
  select: refJson(table, table.id, table.code, table.name, fk),
  word: true,
  subFilters: { id: column('id', fk), Code: via('text', fk, table, table.id, table.code) },
});

export const stock: RecordModule = {
  api: 'Stock',
  singular: 'stock row',
  description:
    'On-hand quantity per item and warehouse (rows with zero quantity are left out). Read-only: stock moves with documents. Rows have no id, so there is no GET by id.',
  read: 'stock.read',
  table: stockLevel,
  where: ne(stockLevel.quantity, '0'),
  fields: [
    ref('Item', stockLevel.itemId, item),
    ref('Warehouse', stockLevel.warehouseId, warehouse),
    dataField('Quantity', stockLevel.quantity, 'decimal', { description: "On hand, in the item's unit." }),
  ],
  defaultOrder: [stockLevel.itemId, stockLevel.warehouseId],
  queryFilters: {
    item: { ...via('text', stockLevel.itemId, item, item.id, item.code), description: 'Only the item with this code.' },
    warehouse: {
      ...via('text', stockLevel.warehouseId, warehouse, warehouse.id, warehouse.code),
      description: 'Only the warehouse with this code.',
    },
  },
  writes: readOnly('Stock is read-only here: it changes with goods receipts, goods issues and invoices.'),
};
