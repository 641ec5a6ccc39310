import { or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { item, partner, warehouse } from '@/db/schema';
import { createItem, updateItem } from '@/lib/catalog/items';
import { createPartner, updatePartner } from '@/lib/catalog/partners';
import { createWarehouse, updateWarehouse } from '@/lib/catalog/warehouses';
import { itemSchema, partnerSchema, warehouseSchema, type ItemData } from '@/lib/validation/catalog';
import type { CatalogModule } from '@/lib/modules';
import { insertItems, updateItems, type BatchRun } from './items-batch';

/** A record as the importer keeps it: its keys, and its values in the shape the schema takes as input. */
export interface CatalogRecord {
  id: bigint;
  code: string;
  ean: string | null;
  values: Record<string, unknown>;
  /** The stored row's version when it was read: a batch update applies only if it is unchanged. */
  version?: number;
}

export type Keys = { codes: string[]; eans: string[]; ids: bigint[] };

/**
 * Everything the importer needs to know about one catalog entity; the writes are the lib's own functions.
 * `update` takes only the row's values: the lib lays them over the record under its row lock and answers
 * what it wrote. `userId` is the job's creator, who is named as the one who changed the record.
 */
export interface CatalogAdapter {
  schema: z.ZodType<Record<string, unknown>>;
  load(tx: DbOrTx, keys: Keys): Promise<CatalogRecord[]>;
  create(tx: DbOrTx, input: Record<string, unknown>, userId: number): Promise<bigint>;
  update(tx: DbOrTx, id: bigint, changes: Record<string, unknown>, userId: number): Promise<Record<string, unknown>>;
  batch?: {
    /** Rows that must go through the lib function one by one because a rule there applies to them. */
    needsOneByOne(existing: CatalogRecord, data: Record<string, unknown>): boolean;
    /** The statement that inserts these rows (the id per code), built now and run later. */
    insert(rows: Record<string, unknown>[], userId: number): BatchRun<Map<string, bigint>>;
    /** The statement that updates these records (the ids it updated), built now and run later. */
    update(rows: { id: bigint; version: number; data: Record<string, unknown> }[], userId: number): BatchRun<Set<bigint>>;
  };
}

/** `column = any(<json array>)`: one parameter however many keys, so the statement stays cheap to build and plan. */
function anyOf(column: PgColumn, values: (string | bigint)[], type: 'text' | 'bigint'): SQL {
  const json = JSON.stringify(values.map(String));
  return sql`${column} = any(array(select jsonb_array_elements_text(${json}::jsonb)::${sql.raw(type)}))`;
}

function keyFilter(columns: { id: PgColumn; code: PgColumn; ean?: PgColumn }, keys: Keys): SQL | undefined {
  const parts: SQL[] = [];
  if (keys.ids.length) parts.push(anyOf(columns.id, keys.ids, 'bigint'));
  if (keys.codes.length) parts.push(anyOf(columns.code, keys.codes, 'text'));
  if (keys.eans.length && columns.ean) parts.push(anyOf(columns.ean, keys.eans, 'text'));
  return parts.length ? or(...parts) : undefined;
}

type StoredItemRow = {
  id: string; version: number; code: string; name: string; unit: string; purchase_price: string; sale_price: string; vat_rate: string;
  ean: string | null; description: string; active: boolean; track_serials: boolean; min_stock: string | null;
};

const items: CatalogAdapter = {
  schema: itemSchema as unknown as z.ZodType<Record<string, unknown>>,
  async load(tx, keys) {
    const where = keyFilter({ id: item.id, code: item.code, ean: item.ean }, keys);
    if (!where) return [];
    // Only the columns a row can set, read as the driver sends them: a chunk can find ten thousand items,
    // and mapping each through the query builder (timestamps parsed into dates for nothing) cost ~7 µs a row.
    const rows = await tx.execute<StoredItemRow>(sql`
      select id::text as id, version, code, name, unit, purchase_price, sale_price, vat_rate, ean, description, active, track_serials, min_stock
      from ${item} where ${where}`);
    return rows.map((r) => ({
      id: BigInt(r.id), code: r.code, ean: r.ean, version: r.version,
      values: {
        code: r.code, name: r.name, unit: r.unit, purchasePrice: r.purchase_price, salePrice: r.sale_price, vatRate: r.vat_rate,
        ean: r.ean, description: r.description, active: r.active, trackSerials: r.track_serials, minStock: r.min_stock,
      },
    }));
  },
  create: (tx, input, userId) => createItem(tx, input as never, { userId }),
  update: (tx, id, changes, userId) => updateItem(tx, id, changes, { userId }),
  batch: {
    needsOneByOne: (existing, data) => existing.values.trackSerials !== data.trackSerials,
    insert: (rows, userId) => insertItems(rows as ItemData[], userId),
    update: (rows, userId) => updateItems(rows as { id: bigint; version: number; data: ItemData }[], userId),
  },
};

const partners: CatalogAdapter = {
  schema: partnerSchema as unknown as z.ZodType<Record<string, unknown>>,
  async load(tx, keys) {
    const where = keyFilter({ id: partner.id, code: partner.code }, keys);
    if (!where) return [];
    const rows = await tx.select().from(partner).where(where);
    return rows.map((r) => ({
      id: r.id, code: r.code, ean: null,
      values: { code: r.code, name: r.name, type: r.type, vatId: r.vatId, email: r.email, phone: r.phone, address: r.address },
    }));
  },
  create: (tx, input, userId) => createPartner(tx, input as never, { userId }),
  update: (tx, id, changes, userId) => updatePartner(tx, id, changes, { userId }),
};

const warehouses: CatalogAdapter = {
  schema: warehouseSchema as unknown as z.ZodType<Record<string, unknown>>,
  async load(tx, keys) {
    const where = keyFilter({ id: warehouse.id, code: warehouse.code }, keys);
    if (!where) return [];
    const rows = await tx.select().from(warehouse).where(where);
    return rows.map((r) => ({ id: r.id, code: r.code, ean: null, values: { code: r.code, name: r.name } }));
  },
  create: (tx, input, userId) => createWarehouse(tx, input as never, { userId }),
  update: (tx, id, changes, userId) => updateWarehouse(tx, id, changes, { userId }),
};

export function adapterFor(module: CatalogModule): CatalogAdapter {
  return { item: items, partner: partners, warehouse: warehouses }[module.entity];
}
