import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item } from '@/db/schema';
import { arrayLiteral } from '@/lib/sql-array';
import type { ItemData } from '@/lib/validation/catalog';
import {
  columnName,
  columnType,
  FIELD_KEYS,
  onUpdateKeys,
  onUpdateValue,
  type ItemExtras,
  type ItemKey,
} from './item-columns';

/*
 * The statements of the item writer (item-writer.ts), the only ones that store an item: the parsed fields
 * and itemExtras, the columns named from the table. By themselves they keep only the rules the table
 * keeps (the unique indexes and checks). A batch of many holds only rows no checked rule applies to, and
 * any row it does not write goes one by one (item-write-one.ts), which runs these statements for one row
 * under the item's lock, after every rule, and words the refusal.
 */

/** A statement built in advance (its array literals are the costly part), run when its rows are written. */
export type BatchRun<T> = (tx: DbOrTx) => Promise<T>;

/**
 * Rows as a write stores them, in two parallel lists: the parsed fields and itemExtras (no merged copy
 * per row: a batch has thousands).
 */
export type BatchRows = { data: ItemData[]; extras: ItemExtras[] };

/** Rows to update: also the items' ids and the versions the rows were read at. */
export type UpdateRows = BatchRows & { ids: bigint[]; readVersions: number[] };

/**
 * The rows' values column by column, each one array literal for `unnest`: the server reads it with the
 * array type's own input function, far cheaper per row than taking a JSON document apart.
 */
function arraysOf({ data, extras }: BatchRows, keys: readonly ItemKey[]): SQL {
  // arrayLiteral writes each value as text (numbers included); only null is SQL NULL.
  const column = (key: ItemKey) =>
    (key in extras[0]
      ? extras.map((row) => row[key as keyof ItemExtras] ?? null)
      : data.map((row) => row[key as keyof ItemData] ?? null)) as (string | boolean | null)[];
  return sql.join(
    keys.map((key) => sql`${arrayLiteral(column(key))}::${columnType(key)}[]`),
    sql`, `,
  );
}

const keysOf = (rows: BatchRows) => [...FIELD_KEYS, ...Object.keys(rows.extras[0])] as ItemKey[];
const names = (keys: readonly ItemKey[]) => sql.join(keys.map(columnName), sql`, `);

/**
 * Inserts new items in one statement; gives the id per code. A plain INSERT, not ON CONFLICT DO NOTHING
 * (which cost half as much again per row): a conflict means a row the caller did not foresee or a
 * concurrent writer, and then the whole statement fails and its rows go through createItem.
 */
export function insertItems(rows: BatchRows): BatchRun<Map<string, bigint>> {
  if (rows.data.length === 0) return async () => new Map();
  const keys = keysOf(rows);
  const statement = sql`insert into ${item} (${names(keys)})
    select * from unnest(${arraysOf(rows, keys)}) returning id, code`;
  return async (tx) => {
    const written = await tx.execute<{ id: string; code: string }>(statement);
    return new Map(written.map((row) => [row.code, BigInt(row.id)]));
  };
}

/**
 * Updates the items `ids` in one statement (their extras stamped over `readVersions`); gives the ids it
 * updated. An item is updated only if it is still the version the row was read at (the `version` column,
 * raised by every update on every path):
 * the row's values were laid over that version, and the rules judged the write from it (the tracking
 * switch, say). A changed item is left to updateItem, which lays the row's own values over it under its lock.
 */
export function updateItems(rows: UpdateRows): BatchRun<Set<bigint>> {
  if (rows.data.length === 0) return async () => new Set();
  const keys = keysOf(rows);
  const ids = arrayLiteral(rows.ids.map(String));
  const readVersions = arrayLiteral(rows.readVersions.map(String));
  const set = sql.join(
    [
      ...keys.map((key) => sql`${columnName(key)} = v.${sql.identifier(key)}`),
      ...onUpdateKeys
        .filter((key) => !keys.includes(key))
        .map((key) => sql`${columnName(key)} = ${onUpdateValue(key)}`),
    ],
    sql`, `,
  );
  // `item.id = any(ids)` beside the join lets the planner use the primary key instead of reading the whole table.
  const statement = sql`update ${item} set ${set}
    from unnest(${ids}::bigint[], ${readVersions}::integer[], ${arraysOf(rows, keys)})
      as v(id, read_version, ${sql.join(
        keys.map((key) => sql.identifier(key)),
        sql`, `,
      )})
    where ${item.id} = v.id and ${item.id} = any(${ids}::bigint[]) and ${item.version} = v.read_version
    returning ${item.id}`;
  return async (tx) => {
    const written = await tx.execute<{ id: string }>(statement);
    return new Set(written.map((row) => BigInt(row.id)));
  };
}
