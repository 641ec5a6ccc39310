import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ItemData } from '@/lib/validation/catalog';

/*
 * The fast path of an Items import. Rows reach it only after itemSchema (the form's schema) accepted
 * them, only when they do not switch serial tracking (that rule lives in updateItem, which handles
 * those rows), and only when no other row of the chunk touches the same code, EAN or record. What is
 * left to enforce is what the table enforces anyway for createItem/updateItem: the unique code and
 * EAN, and the price checks. Any row the statements below do not write goes back to createItem or
 * updateItem one by one, which explain the refusal in their own words.
 */

const COLUMNS = sql.raw(`code text, name text, unit text, purchase_price numeric, sale_price numeric, vat_rate numeric,
  ean text, description text, active boolean, track_serials boolean, min_stock numeric`);

function recordOf(data: ItemData) {
  return {
    code: data.code, name: data.name, unit: data.unit, purchase_price: data.purchasePrice, sale_price: data.salePrice,
    vat_rate: data.vatRate, ean: data.ean, description: data.description, active: data.active,
    track_serials: data.trackSerials, min_stock: data.minStock,
  };
}

/** Inserts new items in one statement; returns the id per code of the rows it wrote (a conflicting row is left out). */
export async function insertItems(tx: DbOrTx, rows: ItemData[]): Promise<Map<string, bigint>> {
  if (rows.length === 0) return new Map();
  const json = JSON.stringify(rows.map(recordOf));
  const written = await tx.execute<{ id: string; code: string }>(sql`
    insert into item (code, name, unit, purchase_price, sale_price, vat_rate, ean, description, active, track_serials, min_stock)
    select code, name, unit, purchase_price, sale_price, vat_rate, ean, description, active, track_serials, min_stock
    from jsonb_to_recordset(${json}::jsonb) as v(${COLUMNS})
    on conflict do nothing
    returning id, code`);
  return new Map(written.map((row) => [row.code, BigInt(row.id)]));
}

/**
 * Updates existing items in one statement. The tracking flag must still be what it was when the row
 * was planned: if it changed since, the row is left for updateItem and its rule.
 */
export async function updateItems(tx: DbOrTx, rows: { id: bigint; data: ItemData }[]): Promise<Set<bigint>> {
  if (rows.length === 0) return new Set();
  const json = JSON.stringify(rows.map(({ id, data }) => ({ id: id.toString(), ...recordOf(data) })));
  const written = await tx.execute<{ id: string }>(sql`
    update item set code = v.code, name = v.name, unit = v.unit, purchase_price = v.purchase_price, sale_price = v.sale_price,
      vat_rate = v.vat_rate, ean = v.ean, description = v.description, active = v.active, min_stock = v.min_stock, updated_at = now()
    from jsonb_to_recordset(${json}::jsonb) as v(id bigint, ${COLUMNS})
    where item.id = v.id and item.track_serials = v.track_serials
    returning item.id`);
  return new Set(written.map((row) => BigInt(row.id)));
}
