import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { item } from '@/db/schema';
import { itemSchema, type ItemData } from '@/lib/validation/catalog';
import { nextStamp, type Edit } from '@/lib/versions';
import { canonicalKey } from '@/lib/text/canonical-key';

/*
 * The item's columns as the item writer names them, taken from the drizzle table: what a write sets, what
 * a batch reads back, and their names and types in SQL. Every write stores the parsed fields and
 * itemExtras() through item-batch.ts, so a column added to the table and the schema reaches every door.
 */

export type ItemRow = typeof item.$inferSelect;
export type ItemKey = keyof ItemRow;

/** What a write reads of a stored item: the fields the shared schema takes, the code's key, id and version. */
export type StoredItem = Pick<ItemRow, 'id' | 'version' | 'codeKey' | keyof ItemData>;

/** The keys of the fields: the shared schema's, which are the table's column keys. */
export const FIELD_KEYS = Object.keys(itemSchema.shape) as (keyof ItemData)[];

/** What a write stores besides the fields: the code's canonical key (see withCodeKey) and the stamp of the save. */
export type ItemExtras = { codeKey: string; updatedBy: number | null; version?: number };

/** A new item (stored: null) takes the column's default version; an update raises the version it was read at. */
export function itemExtras(data: ItemData, stored: { version: number } | null, edit: Edit): ItemExtras {
  const stamp = stored ? nextStamp(stored, edit) : { updatedBy: edit.userId ?? null };
  return { codeKey: canonicalKey(data.code), ...stamp };
}

const COLUMNS = getTableColumns(item);

// The client's casing (db/client.ts): raw statements name columns as drizzle's own queries do.
const casing = new CasingCache('snake_case');

/** A column's name in SQL (`code_key`), and quoted for a statement. */
export const sqlName = (key: ItemKey): string => casing.getColumnCasing(COLUMNS[key]);
export const columnName = (key: ItemKey): SQL => sql`${sql.identifier(sqlName(key))}`;

/** A column's SQL type (`numeric(19, 4)`), for casting a parameter or an array of its values. */
export const columnType = (key: ItemKey): SQL => sql.raw(COLUMNS[key].getSQLType());

/** The table's key of a column object (rules name columns by their object). */
export const keyOfColumn = (target: PgColumn): ItemKey =>
  (Object.keys(COLUMNS) as ItemKey[]).find((key) => COLUMNS[key] === target)!;

/** Columns an update sets by itself when the write does not (updatedAt), as drizzle's update() does. */
export const onUpdateKeys = (Object.keys(COLUMNS) as ItemKey[]).filter((key) => COLUMNS[key].onUpdateFn !== undefined);

export const onUpdateValue = (key: ItemKey): SQL =>
  sql`${sql.param(COLUMNS[key].onUpdateFn!(), COLUMNS[key])}::${columnType(key)}`;

const STORED_KEYS: ItemKey[] = ['id', 'version', 'codeKey', ...FIELD_KEYS];
const STORED_SELECTION = sql.join(
  STORED_KEYS.map((key) =>
    key === 'id' ? sql`${columnName(key)}::text as "id"` : sql`${columnName(key)} as ${sql.identifier(key)}`,
  ),
  sql`, `,
);

/**
 * The stored items `where` selects, as writes read them. Straight from the driver, not through the query
 * builder: a chunk of an import can find ten thousand items, and mapping each row (timestamps parsed into
 * dates for nothing) cost ~7 µs a row.
 */
export async function storedItems(db: DbOrTx, where: SQL): Promise<StoredItem[]> {
  const rows = await db.execute<Omit<StoredItem, 'id'> & { id: string | bigint }>(
    sql`select ${STORED_SELECTION} from ${item} where ${where}`,
  );
  for (const row of rows) row.id = BigInt(row.id);
  return rows as unknown as StoredItem[];
}
