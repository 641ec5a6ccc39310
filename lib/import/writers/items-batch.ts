import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { arrayLiteral } from '@/lib/sql-array';
import { canonicalKey } from '@/lib/text/canonical-key';
import type { ItemData } from '@/lib/validation/catalog';

/*
 * The fast path of an Items import. Rows reach it only after itemSchema (the form's schema) accepted
 * them, only when they do not switch serial tracking (that rule lives in updateItem, which handles
 * those rows), and only when no other row of the chunk touches the same code, EAN or record. What is
 * left to enforce is what the table enforces anyway for createItem/updateItem: the unique code and
 * EAN, and the price checks. Any row the statements below do not write goes back to createItem or
 * updateItem one by one, which explain the refusal in their own words.
 */

/** A batch statement built in advance (its array literals are the costly part), run when its chunk writes. */
export type BatchRun<T> = (tx: DbOrTx) => Promise<T>;

/** The rows' values column by column, each one array literal for `unnest` (see arrayLiteral). */
function columnsOf(rows: ItemData[]) {
  const column = (pick: (data: ItemData) => string | boolean | null) => arrayLiteral(rows.map(pick));
  return sql`${column((d) => d.code)}::text[], ${column((d) => canonicalKey(d.code))}::text[], ${column((d) => d.name)}::text[], ${column((d) => d.unit)}::text[],
    ${column((d) => d.purchasePrice)}::numeric[], ${column((d) => d.salePrice)}::numeric[], ${column((d) => d.vatRate)}::numeric[],
    ${column((d) => d.ean)}::text[], ${column((d) => d.description)}::text[], ${column((d) => d.active)}::boolean[],
    ${column((d) => d.trackSerials)}::boolean[], ${column((d) => d.minStock)}::numeric[]`;
}

/**
 * Inserts new items in one statement; gives the id per code. A plain INSERT, not ON CONFLICT DO
 * NOTHING (which cost half as much again per row): the rows were checked against the stored codes and
 * EANs moments ago, so a conflict means a concurrent writer, and then the whole statement fails, its
 * savepoint rolls back and every row goes through createItem, which explains the refusal.
 */
export function insertItems(rows: ItemData[], userId: number): BatchRun<Map<string, bigint>> {
  const statement = sql`
    insert into item (code, code_key, name, unit, purchase_price, sale_price, vat_rate, ean, description, active, track_serials, min_stock, updated_by)
    select *, ${userId}::bigint from unnest(${columnsOf(rows)})
    returning id, code`;
  return async (tx) => {
    if (rows.length === 0) return new Map();
    const written = await tx.execute<{ id: string; code: string }>(statement);
    return new Map(written.map((row) => [row.code, BigInt(row.id)]));
  };
}

/**
 * Updates existing items in one statement; gives the ids of the items it updated. An item is updated only
 * if it is still the version the row was planned from (the row's version column, which every update on
 * every path raises; the plan may be a chunk old, see catalog-job-writer.ts): one changed since, by a form
 * or the API, is left for updateItem, which lays the row's values over it under its lock, so that change
 * is not overwritten with the values read before it. The same holds the tracking flag at what it was when
 * the row was planned (updateItem's rule decides a switch). Like updateItem, it raises the version and
 * names the job's creator as the one who changed the item, so an open form sees the import as a change.
 */
export function updateItems(rows: { id: bigint; version: number; data: ItemData }[], userId: number): BatchRun<Set<bigint>> {
  const ids = arrayLiteral(rows.map(({ id }) => id.toString()));
  const versions = arrayLiteral(rows.map(({ version }) => String(version)));
  const statement = sql`
    update item set code = v.code, code_key = v.code_key, name = v.name, unit = v.unit, purchase_price = v.purchase_price, sale_price = v.sale_price,
      vat_rate = v.vat_rate, ean = v.ean, description = v.description, active = v.active, min_stock = v.min_stock, updated_at = now(),
      version = item.version + 1, updated_by = ${userId}::bigint
    from unnest(${ids}::bigint[], ${versions}::int[], ${columnsOf(rows.map(({ data }) => data))})
      as v(id, version, code, code_key, name, unit, purchase_price, sale_price, vat_rate, ean, description, active, track_serials, min_stock)
    where item.id = v.id and item.id = any(${ids}::bigint[]) and item.version = v.version and item.track_serials = v.track_serials
    returning item.id`;
  return async (tx) => {
    if (rows.length === 0) return new Set();
    const written = await tx.execute<{ id: string }>(statement);
    return new Set(written.map((row) => BigInt(row.id)));
  };
}
