import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { PARTNER_TYPES } from './values';
import { createdAt, idPk, money, percent, quantity, rowVersion, updatedAt, userRef } from './columns';

export { PARTNER_TYPES };
export const partnerTypeEnum = pgEnum('partner_type', PARTNER_TYPES);

export const item = pgTable(
  'item',
  {
    id: idPk(),
    code: text().notNull(),
    // lib/text/canonical-key.ts: codes a person reads as the same are one code.
    codeKey: text().notNull(),
    name: text().notNull(),
    unit: text().notNull().default('pcs'),
    purchasePrice: money().notNull().default('0'),
    salePrice: money().notNull().default('0'),
    vatRate: percent().notNull().default('21'),
    ean: text(),
    description: text().notNull().default(''),
    active: boolean().notNull().default(true),
    trackSerials: boolean().notNull().default(false),
    minStock: quantity(),
    // Warranty in whole months, to the customer (from the sale) and from the supplier (from the receipt); null when
    // not set. The end dates are computed when asked (lib/warranty), so a corrected period reaches every serial.
    saleWarrantyMonths: integer(),
    purchaseWarrantyMonths: integer(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Who saved the row last, to tell the user of a stale form who changed it. No foreign key on purpose: an
    // import's batch statements set it on every row they write, and the per-row check cost ~400 ms per 25,000
    // rows (median of 6: 1,281 vs 863 ms for 12,500 inserted + 12,500 updated), a third of an Items import.
    // The value always comes from a signed-in user or a job's creator, and users are never deleted.
    updatedBy: userRef(),
    version: rowVersion(),
  },
  (t) => [
    uniqueIndex().on(t.code),
    uniqueIndex().on(t.codeKey),
    uniqueIndex()
      .on(t.ean)
      .where(sql`${t.ean} is not null`),
    index('item_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    // The price list's search matches code or name anywhere (ILIKE '%…%'): without this the OR with the
    // name's index falls back to reading every item (54 ms at 40,000 items; 1 ms with it).
    index('item_code_trgm').using('gin', sql`${t.code} gin_trgm_ops`),
    check('item_prices_not_negative', sql`${t.purchasePrice} >= 0 and ${t.salePrice} >= 0`),
    // lib/validation/warranty.ts refuses anything else with the field named; the table keeps the same bounds.
    check(
      'item_warranty_months_range',
      sql`${t.saleWarrantyMonths} between 0 and 600 and ${t.purchaseWarrantyMonths} between 0 and 600`,
    ),
  ],
);

export const warehouse = pgTable(
  'warehouse',
  {
    id: idPk(),
    code: text().notNull(),
    codeKey: text().notNull(),
    name: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Who saved the row last, to tell the user of a stale form who changed it.
    updatedBy: userRef().references(() => user.id),
    version: rowVersion(),
  },
  (t) => [uniqueIndex().on(t.code), uniqueIndex().on(t.codeKey)],
);

export const partner = pgTable(
  'partner',
  {
    id: idPk(),
    code: text().notNull(),
    codeKey: text().notNull(),
    name: text().notNull(),
    type: partnerTypeEnum().notNull(),
    vatId: text(),
    email: text(),
    phone: text(),
    address: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Who saved the row last, to tell the user of a stale form who changed it.
    updatedBy: userRef().references(() => user.id),
    version: rowVersion(),
  },
  (t) => [uniqueIndex().on(t.code), uniqueIndex().on(t.codeKey), index().on(t.name)],
);
