import { or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { item, partner, warehouse } from '@/db/schema';
import { storedItems, type StoredItem } from '@/lib/catalog/item-columns';
import { prepareItemWrites, type PreparedItemWrites } from '@/lib/catalog/item-writer';
import { createItem, updateItem } from '@/lib/catalog/items';
import { createPartner, updatePartner } from '@/lib/catalog/partners';
import { createWarehouse, updateWarehouse } from '@/lib/catalog/warehouses';
import { itemSchema, partnerSchema, warehouseSchema, type ItemData } from '@/lib/validation/catalog';
import type { CatalogModule } from '@/lib/modules';

/** A record as the importer keeps it: its keys, and its values in the shape the schema takes as input. */
export interface CatalogRecord {
  id: bigint;
  code: string;
  ean: string | null;
  values: Record<string, unknown>;
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
  /**
   * The lib's writer of many records at once (writeItems), for rows no other row of the chunk depends on:
   * prepared now (while another chunk is written, say) and written later, each row with its outcome.
   */
  batch?: { prepare(rows: BatchRow[], userId: number): Promise<PreparedItemWrites> };
}

/** A row for the lib's batch writer: its record as loaded, its own values, and those over the record as parsed. */
export type BatchRow = { target: CatalogRecord | null; values: Record<string, unknown>; data: Record<string, unknown> };

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

const items: CatalogAdapter = {
  schema: itemSchema as unknown as z.ZodType<Record<string, unknown>>,
  async load(tx, keys) {
    const where = keyFilter({ id: item.id, code: item.code, ean: item.ean }, keys);
    if (!where) return [];
    // The stored row is the schema's input as it is (its extra keys, id and version among them, are not fields).
    return (await storedItems(tx, where)).map((stored) => ({
      id: stored.id,
      code: stored.code,
      ean: stored.ean,
      values: stored,
    }));
  },
  create: (tx, input, userId) => createItem(tx, input as never, { userId }),
  update: (tx, id, changes, userId) => updateItem(tx, id, changes, { userId }),
  batch: {
    prepare: (rows, userId) =>
      prepareItemWrites(
        rows.map((row) => ({
          id: row.target?.id ?? null,
          read: row.target?.values as StoredItem | undefined,
          values: row.values,
          data: row.data as ItemData,
        })),
        { userId },
      ),
  },
};

const partners: CatalogAdapter = {
  schema: partnerSchema as unknown as z.ZodType<Record<string, unknown>>,
  async load(tx, keys) {
    const where = keyFilter({ id: partner.id, code: partner.code }, keys);
    if (!where) return [];
    const rows = await tx.select().from(partner).where(where);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      ean: null,
      values: {
        code: r.code,
        name: r.name,
        type: r.type,
        vatId: r.vatId,
        email: r.email,
        phone: r.phone,
        address: r.address,
      },
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
