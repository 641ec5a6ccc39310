import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { item, warehouse } from './catalog';
import { createdAt, idPk, idRef, quantity, rowVersion, userRef } from './columns';

export const STOCKTAKE_STATUSES = ['open', 'closed', 'cancelled'] as const;
export const stocktakeStatusEnum = pgEnum('stocktake_status', STOCKTAKE_STATUSES);

/**
 * An inventory count of one warehouse (ST-YYYY-NNNNN), optionally limited to chosen items (stocktake_item).
 * While open, staff scan serials and enter counts; closing posts the differences as a goods receipt and a goods
 * issue linked by document.stocktake_id (lib/inventory/stocktake/close.ts), after which the count is read-only.
 */
export const stocktake = pgTable(
  'stocktake',
  {
    id: idPk(),
    number: text().notNull(),
    warehouseId: idRef()
      .notNull()
      .references(() => warehouse.id),
    // The count's day (its number's year); the closing adjustments are dated on the day the count is closed.
    date: date().notNull(),
    status: stocktakeStatusEnum().notNull().default('open'),
    // When the count was opened: shown as its snapshot; differences are judged against the books at close.
    openedAt: createdAt(),
    note: text().notNull().default(''),
    // The reason the closing adjustments carry (their note) and who closed or cancelled the count.
    reason: text(),
    createdBy: userRef()
      .notNull()
      .references(() => user.id),
    closedBy: userRef().references(() => user.id),
    closedAt: timestamp({ withTimezone: true }),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex().on(t.number),
    index().on(t.warehouseId, t.status),
    // One open count per warehouse: two would both post the same differences.
    uniqueIndex('stocktake_one_open_per_warehouse')
      .on(t.warehouseId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** The items a count is limited to; none means every item of the warehouse. */
export const stocktakeItem = pgTable(
  'stocktake_item',
  {
    stocktakeId: idRef()
      .notNull()
      .references(() => stocktake.id, { onDelete: 'cascade' }),
    itemId: idRef()
      .notNull()
      .references(() => item.id),
  },
  (t) => [primaryKey({ columns: [t.stocktakeId, t.itemId] })],
);

/**
 * One row per serial found, written by the request of whoever scanned it. The unique key is what makes two
 * people scanning the same serial one find: the second insert does nothing (ON CONFLICT) and is told who was first.
 */
export const stocktakeScan = pgTable(
  'stocktake_scan',
  {
    id: idPk(),
    stocktakeId: idRef()
      .notNull()
      .references(() => stocktake.id, { onDelete: 'cascade' }),
    // No foreign key, as serial_number.warehouse_id: the item was read FOR SHARE by the scan that wrote it.
    itemId: idRef().notNull(),
    serial: text().notNull(),
    serialKey: text().notNull(),
    scannedBy: userRef().notNull(),
    scannedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.stocktakeId, t.itemId, t.serialKey), index().on(t.stocktakeId, t.id)],
);

/**
 * The count of an untracked item: the latest entry replaces the earlier one. `bookQuantity` is the stock the books
 * held when it was entered, so the difference stays right when documents move the item later in the count.
 */
export const stocktakeCount = pgTable(
  'stocktake_count',
  {
    stocktakeId: idRef()
      .notNull()
      .references(() => stocktake.id, { onDelete: 'cascade' }),
    itemId: idRef()
      .notNull()
      .references(() => item.id),
    quantity: quantity().notNull(),
    bookQuantity: quantity().notNull(),
    countedBy: userRef().notNull(),
    countedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.stocktakeId, t.itemId] }),
    check('stocktake_count_not_negative', sql`${t.quantity} >= 0`),
  ],
);

/** Per-year numbering of counts, as document_series numbers documents. */
export const stocktakeSeries = pgTable('stocktake_series', {
  year: integer().primaryKey(),
  lastNumber: integer().notNull().default(0),
});
