import { sql } from 'drizzle-orm';
import {
  boolean,
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
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { item, partner, warehouse } from './catalog';
import { stocktake } from './stocktake';
import { DOCUMENT_KINDS } from './values';
import { createdAt, idPk, idRef, money, percent, quantity, rowVersion, updatedAt, userRef } from './columns';

export { DOCUMENT_KINDS };
export const documentKindEnum = pgEnum('document_kind', DOCUMENT_KINDS);
export const SERIAL_STATUSES = ['in_stock', 'issued', 'in_transit'] as const;
export const serialStatusEnum = pgEnum('serial_status', SERIAL_STATUSES);

export const document = pgTable(
  'document',
  {
    id: idPk(),
    kind: documentKindEnum().notNull(),
    number: text().notNull(),
    date: date().notNull(),
    partnerId: idRef().references(() => partner.id),
    warehouseId: idRef()
      .notNull()
      .references(() => warehouse.id),
    // Transfers only: the warehouse the goods move to (warehouseId is where they leave from).
    destinationWarehouseId: idRef().references(() => warehouse.id),
    // Transfers only: dispatched now and received at the destination by transfer arrivals (its serials in transit until
    // then).
    inTransit: boolean().notNull().default(false),
    // Transfer arrivals only: the in-transit transfer whose goods arrived.
    transferId: idRef().references((): AnyPgColumn => document.id),
    // Goods receipts only: the expected receipt (lib/inventory/expected.ts) whose serials this receipt confirmed.
    expectedReceiptId: idRef().references((): AnyPgColumn => document.id),
    // Returns and credit notes only: the document the goods left or came with (a sales invoice or goods issue for a
    // customer return or credit note, a purchase invoice or goods receipt for a return to the supplier).
    returnOfId: idRef().references((): AnyPgColumn => document.id),
    note: text().notNull().default(''),
    // The partner's own number of the document (a delivery note, an invoice) or the number an imported file gave
    // it, as entered; unique per kind and partner by its canonical key, so the same paper is not entered twice.
    externalNumber: text(),
    externalNumberKey: text(),
    // Invoices only: whether saving creates the matching receipt/issue, and which one it created.
    createStockDocument: boolean().notNull().default(false),
    stockDocumentId: idRef(),
    sourceInvoiceId: idRef(),
    // The count whose closing posted this receipt or issue of its differences (it is then read-only, as the count).
    stocktakeId: idRef().references(() => stocktake.id),
    createdBy: userRef()
      .notNull()
      .references(() => user.id),
    updatedBy: userRef().references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex().on(t.number),
    // The id breaks ties in the lists' order (date desc, id desc), so a page stops after its rows however many
    // documents share a date: on (kind, date) a day of 20,000 receipts was sorted whole for each first page (30 ms).
    index().on(t.kind, t.date, t.id),
    index().on(t.partnerId),
    index().on(t.warehouseId),
    index()
      .on(t.destinationWarehouseId)
      .where(sql`${t.destinationWarehouseId} is not null`),
    index().on(t.sourceInvoiceId),
    index()
      .on(t.stocktakeId)
      .where(sql`${t.stocktakeId} is not null`),
    // A transfer moves goods between two warehouses; no other kind has a destination. (kind::text: a check may not
    // name the enum value the same migration adds.)
    check(
      'document_destination_of_transfers',
      sql`(${t.kind}::text = 'transfer') = (${t.destinationWarehouseId} is not null)`,
    ),
    check('document_transfer_between_two', sql`${t.destinationWarehouseId} <> ${t.warehouseId}`),
    check('document_in_transit_transfers', sql`not ${t.inTransit} or ${t.kind}::text = 'transfer'`),
    check('document_arrival_of_transfer', sql`(${t.kind}::text = 'transfer_arrival') = (${t.transferId} is not null)`),
    index()
      .on(t.transferId)
      .where(sql`${t.transferId} is not null`),
    check(
      'document_confirms_expected_receipt',
      sql`${t.expectedReceiptId} is null or ${t.kind}::text = 'goods_receipt'`,
    ),
    index()
      .on(t.expectedReceiptId)
      .where(sql`${t.expectedReceiptId} is not null`),
    check(
      'document_return_of_returns',
      sql`(${t.kind}::text in ('customer_return', 'supplier_return', 'credit_note')) = (${t.returnOfId} is not null)`,
    ),
    index()
      .on(t.returnOfId)
      .where(sql`${t.returnOfId} is not null`),
    // A document without a partner counts as partner 0, so its external numbers are unique among themselves too.
    uniqueIndex('document_external_number')
      .on(t.kind, sql`coalesce(${t.partnerId}, 0)`, t.externalNumberKey)
      .where(sql`${t.externalNumberKey} is not null`),
  ],
);

export const documentLine = pgTable(
  'document_line',
  {
    id: idPk(),
    documentId: idRef()
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    lineNo: integer().notNull(),
    itemId: idRef()
      .notNull()
      .references(() => item.id),
    quantity: quantity().notNull(),
    unitPrice: money().notNull().default('0'),
    vatRate: percent().notNull().default('0'),
  },
  (t) => [
    index().on(t.documentId),
    index().on(t.itemId),
    check('document_line_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/** Per-kind, per-year numbering: the row lock on the counter serialises number allocation. */
export const documentSeries = pgTable(
  'document_series',
  {
    kind: documentKindEnum().notNull(),
    year: integer().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** On-hand quantity; the check constraint is the last line of defence against negative stock. */
export const stockLevel = pgTable(
  'stock_level',
  {
    itemId: idRef()
      .notNull()
      .references(() => item.id),
    warehouseId: idRef()
      .notNull()
      .references(() => warehouse.id),
    quantity: quantity().notNull().default('0'),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.warehouseId] }),
    index().on(t.warehouseId),
    check('stock_level_not_negative', sql`${t.quantity} >= 0`),
  ],
);

/** One row per (item, serial text) ever known; its state is where it is now. */
export const serialNumber = pgTable(
  'serial_number',
  {
    id: idPk(),
    itemId: idRef()
      .notNull()
      .references(() => item.id),
    // As entered (trimmed), for display and labels; uniqueness and every lookup go by serialKey.
    serial: text().notNull(),
    // lib/text/canonical-key.ts: what a person reads as the same serial has the same key.
    serialKey: text().notNull(),
    status: serialStatusEnum().notNull(),
    // No foreign key on purpose: per-row FK checks dominated a 10,000-serial posting, and the warehouse
    // always comes from the posted document, which has the foreign key.
    warehouseId: idRef().notNull(),
    // The line that last received it (or transferred it here) and, while issued or in transit, the line that took it.
    receivedLineId: idRef().notNull(),
    issuedLineId: idRef(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The document date of its latest movement: a new movement may not be dated before it (chronology).
    lastMovedOn: date().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.itemId, t.serialKey),
    // In stock by item and warehouse, in key order: Pick from stock and the agenda's item + warehouse filter read a
    // page off it. Without the key, a page in serial order walked all of the item's serials to find the few in
    // that warehouse (none: 2.2–3 s for an item of 100,000 serials; docs/quality.md, perf:indexes).
    index('serial_number_in_stock')
      .on(t.itemId, t.warehouseId, t.serialKey)
      .where(sql`${t.status} = 'in_stock'`),
    // Exact and prefix lookups and the agenda's serial order: a pattern-ops btree serves =, LIKE 'x%' and ~<~.
    index('serial_number_key_prefix').using('btree', sql`${t.serialKey} text_pattern_ops`),
    // The agenda's default list (in stock, in serial order) and its ranked search read a page off this. Through the
    // prefix index above they skipped every serial issued before the first in stock: the oldest serials, most of
    // them in a business of some years (at 10,000,000 serials with the first 50,000 issued: 48 ms for the first
    // page and 86 ms for a "000" search's page, against 1 ms; docs/quality.md).
    index('serial_number_in_stock_key')
      .using('btree', sql`${t.serialKey} text_pattern_ops`)
      .where(sql`${t.status} = 'in_stock'`),
    // Search by any part of the serial (people read the last digits off a label): LIKE '%x%' on the key.
    // What it costs postings is measured by `npm run bench` (docs/quality.md, Serial search).
    index('serial_number_key_trgm').using('gin', sql`${t.serialKey} gin_trgm_ops`),
    index().on(t.status, t.warehouseId, t.receivedAt),
  ],
);

/**
 * History: every receipt, issue or transfer of a serial, kept even when the serial comes back later.
 * `in` arrives in warehouse_id, `out` leaves it, `move` (a transfer) leaves warehouse_id for the document's
 * destination warehouse: one row per serial and line, so a line's movements are its serials.
 */
export const MOVEMENT_DIRECTIONS = ['in', 'out', 'move'] as const;
export const serialMovement = pgTable(
  'serial_movement',
  {
    id: idPk(),
    serialId: idRef()
      .notNull()
      .references(() => serialNumber.id),
    lineId: idRef()
      .notNull()
      .references(() => documentLine.id, { onDelete: 'cascade' }),
    // Denormalised from the line's document for history queries; the line's foreign key already covers them,
    // and skipping two per-row checks keeps 10,000-serial postings well under a second.
    documentId: idRef().notNull(),
    direction: text({ enum: MOVEMENT_DIRECTIONS }).notNull(),
    warehouseId: idRef().notNull(),
    at: createdAt(),
  },
  (t) => [uniqueIndex().on(t.lineId, t.serialId), index().on(t.serialId, t.id), index().on(t.documentId)],
);

/**
 * The serials an expected receipt (a goods receipt prepared from the supplier's list) waits for: not stock, not
 * in the agenda. `expected` reserves the serial for its item (one open expectation per serial); a goods receipt
 * that confirms the expected receipt marks each `received` (it arrived) or `dropped` (it did not, and the clerk
 * took it off), naming itself in resolved_by_id. What stays `expected` is the remainder, still awaited.
 */
export const EXPECTED_SERIAL_STATUSES = ['expected', 'received', 'dropped'] as const;
export const expectedSerial = pgTable(
  'expected_serial',
  {
    id: idPk(),
    lineId: idRef()
      .notNull()
      .references(() => documentLine.id, { onDelete: 'cascade' }),
    documentId: idRef().notNull(),
    itemId: idRef()
      .notNull()
      .references(() => item.id),
    serial: text().notNull(),
    serialKey: text().notNull(),
    status: text({ enum: EXPECTED_SERIAL_STATUSES }).notNull().default('expected'),
    resolvedById: idRef().references(() => document.id),
  },
  (t) => [
    uniqueIndex('expected_serial_open')
      .on(t.itemId, t.serialKey)
      .where(sql`${t.status} = 'expected'`),
    index().on(t.documentId, t.status),
    index()
      .on(t.resolvedById)
      .where(sql`${t.resolvedById} is not null`),
    check('expected_serial_resolved', sql`(${t.status} = 'expected') = (${t.resolvedById} is null)`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: idPk(),
    entity: text().notNull(),
    entityId: idRef().notNull(),
    action: text({ enum: ['create', 'update', 'delete'] }).notNull(),
    userId: userRef().references(() => user.id),
    changes: text().notNull().default('{}'),
    at: createdAt(),
  },
  (t) => [index().on(t.entity, t.entityId)],
);
