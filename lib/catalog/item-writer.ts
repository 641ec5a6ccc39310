import type { DbOrTx } from '@/db/client';
import { pgErrorOf } from '@/lib/db-errors';
import { isDomainError } from '@/lib/errors';
import { itemSchema, type ItemData, type ItemInput } from '@/lib/validation/catalog';
import type { Edit } from '@/lib/versions';
import { insertItems, updateItems, type BatchRows, type BatchRun, type UpdateRows } from './item-batch';
import { itemExtras, type ItemExtras, type StoredItem } from './item-columns';
import { needsOneByOne, uniqueKeys } from './item-rules';
import { writeOneItem } from './item-write-one';

/*
 * THE item writer. Every write of an item is a row here: the form's and the records API's through
 * createItem/updateItem (a batch of one), an import's chunk as a batch of thousands. Each row gets the
 * outcome it would have if the rows were written one at a time, in order. Rows whose outcome cannot depend
 * on that go to two set-based statements (item-batch.ts); the others, and any row a statement does not
 * write, go one by one under their item's lock (item-write-one.ts), where every rule of item-rules.ts is
 * checked and every refusal worded. Both ways store through the same statements.
 */

/** One item to write. */
export interface ItemWriteRow {
  /** The item it updates; null for a new one. */
  id: bigint | null;
  /** The item as the caller read it, with its version: without it an update goes one by one, under its lock. */
  read?: StoredItem;
  /** A new item's input, or the changes an update lays over the item (under its lock: over `read` if unchanged). */
  values: Partial<ItemInput>;
  /** `values` over `read` as itemSchema parsed them, when the caller has (a second parse costs ~12 µs a row). */
  data?: ItemData;
}

/** What became of one row: the item and its values as written, or the refusal; and which way it went. */
export type ItemOutcome =
  | { ok: true; id: bigint; added: boolean; data: ItemData; via: 'batch' | 'one by one' }
  | { ok: false; error: unknown; via: 'one by one' };

export interface PreparedItemWrites {
  /** Writes the rows in `tx`; `onSent` is called as each batch statement goes out. */
  write(tx: DbOrTx, options?: { onSent?: () => void }): Promise<ItemOutcome[]>;
}

type Plan = {
  rows: readonly ItemWriteRow[];
  data: (ItemData | null)[];
  edit: Edit;
  /** The rows each statement writes, by index: a new item's code is in `codes`, an update's item is its id. */
  inserts: number[];
  codes: string[];
  updates: number[];
  insert: BatchRun<Map<string, bigint>>;
  update: BatchRun<Set<bigint>>;
};

/** Writes items, each row with its outcome (see above); a refusal is an outcome, any other error is thrown. */
export async function writeItems(tx: DbOrTx, rows: readonly ItemWriteRow[], edit: Edit = {}): Promise<ItemOutcome[]> {
  return (await prepareItemWrites(rows, edit)).write(tx);
}

/**
 * writeItems in two steps: the statements are built now, without the database (for 5,000 rows some
 * 10 ms, which a caller can spend while other statements run), and run by `write`.
 */
export async function prepareItemWrites(rows: readonly ItemWriteRow[], edit: Edit = {}): Promise<PreparedItemWrites> {
  const data = rows.map(parsedData);
  const extras = data.map((d, i) => (d === null ? null : itemExtras(d, rows[i].read ?? null, edit)));
  if (rows.length > 1) await breathe();
  const oneByOne = rowsOneByOne(rows, data, extras, edit);
  const { plan, inserts, updates } = splitRows(rows, data, extras, oneByOne, edit);
  if (inserts.data.length) {
    await breathe();
    plan.insert = insertItems(inserts);
  }
  if (updates.data.length) {
    await breathe();
    plan.update = updateItems(updates);
  }
  return { write: (tx, options) => writePlanned(tx, plan, options?.onSent) };
}

// Each step above takes 2–4 ms per 5,000 rows. A caller preparing beside running statements (the importer
// plans a chunk ahead) gets the event loop back between them, so their replies are not kept waiting.
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The rows each batch statement writes, and their values column by column. */
function splitRows(
  rows: readonly ItemWriteRow[],
  data: (ItemData | null)[],
  extras: (ItemExtras | null)[],
  oneByOne: Set<number>,
  edit: Edit,
) {
  const plan: Plan = {
    rows,
    data,
    edit,
    inserts: [],
    codes: [],
    updates: [],
    insert: async () => new Map(),
    update: async () => new Set(),
  };
  const inserts: BatchRows = { data: [], extras: [] };
  const updates: UpdateRows = { data: [], extras: [], ids: [], readVersions: [] };
  rows.forEach(({ id, read }, index) => {
    if (oneByOne.has(index)) return;
    const batch = read ? updates : inserts;
    batch.data.push(data[index]!);
    batch.extras.push(extras[index]!);
    if (read) {
      plan.updates.push(index);
      updates.ids.push(id!);
      updates.readVersions.push(read.version);
    } else {
      plan.inserts.push(index);
      plan.codes.push(data[index]!.code);
    }
  });
  return { plan, inserts, updates };
}

function parsedData(row: ItemWriteRow): ItemData | null {
  if (row.id !== null && !row.read) return null;
  if (row.data) return row.data;
  const parsed = itemSchema.safeParse({ ...(row.read ?? {}), ...row.values });
  // An invalid row goes one by one, where it is refused with the schema's messages.
  return parsed.success ? parsed.data : null;
}

/**
 * The rows that cannot be batched: invalid ones, updates of an item not read, those a checked rule applies
 * to, and those sharing an item or a unique value (their own or their item's stored one) with another row,
 * whose outcome then depends on which is written first.
 */
function rowsOneByOne(
  rows: readonly ItemWriteRow[],
  data: (ItemData | null)[],
  extras: (ItemExtras | null)[],
  edit: Edit,
): Set<number> {
  // An item not read has stored values unknown here, which another row might take: every row goes one by one.
  if (rows.some((row) => row.id !== null && !row.read)) return new Set(rows.keys());
  const oneByOne = new Set<number>();
  const firstExtras = extras.find((e) => e !== null) ?? {};
  const spaces = ['id', ...uniqueKeys()].map((key) => ({
    key,
    inExtras: key in firstExtras,
    holders: new Map<unknown, number>(),
  }));
  // One pass: the first row holding a value is remembered; another row holding it sends both one by one.
  const hold = (holders: Map<unknown, number>, value: unknown, row: number) => {
    const holder = holders.get(value);
    if (holder === undefined) holders.set(value, row);
    else if (holder !== row) oneByOne.add(holder).add(row);
  };
  rows.forEach((row, i) => {
    for (const { key, inExtras, holders } of spaces) {
      const value = ((inExtras ? extras[i] : data[i]) as Record<string, unknown> | null)?.[key] ?? null;
      const stored = row.read?.[key as keyof StoredItem] ?? null;
      if (value !== null) hold(holders, value, i);
      if (stored !== null && stored !== value) hold(holders, stored, i);
    }
    if (data[i] === null || needsOneByOne({ stored: row.read ?? null, data: data[i]!, edit })) oneByOne.add(i);
  });
  return oneByOne;
}

/** Runs a batch statement in a savepoint; a database refusal leaves all its rows to the one-by-one way. */
async function inSavepoint<T>(tx: DbOrTx, run: BatchRun<T>, onSent?: () => void): Promise<T | null> {
  try {
    return await tx.transaction((sp) => {
      const running = run(sp);
      onSent?.();
      return running;
    });
  } catch (error) {
    if (isDomainError(error) || pgErrorOf(error)) return null;
    throw error;
  }
}

async function writePlanned(tx: DbOrTx, plan: Plan, onSent?: () => void): Promise<ItemOutcome[]> {
  const outcomes: (ItemOutcome | undefined)[] = new Array(plan.rows.length);
  const batched = (index: number, id: bigint, added: boolean): ItemOutcome => ({
    ok: true,
    id,
    added,
    data: plan.data[index]!,
    via: 'batch',
  });
  if (plan.inserts.length) {
    const ids = await inSavepoint(tx, plan.insert, onSent);
    plan.inserts.forEach((index, i) => {
      const id = ids?.get(plan.codes[i]);
      if (id !== undefined) outcomes[index] = batched(index, id, true);
    });
  }
  if (plan.updates.length) {
    const ids = await inSavepoint(tx, plan.update, onSent);
    for (const index of plan.updates) {
      const id = plan.rows[index].id!;
      if (ids?.has(id)) outcomes[index] = batched(index, id, false);
    }
  }
  for (let index = 0; index < plan.rows.length; index++) {
    outcomes[index] ??= await writeOneItem(tx, plan.rows[index], plan.edit);
  }
  return outcomes as ItemOutcome[];
}
