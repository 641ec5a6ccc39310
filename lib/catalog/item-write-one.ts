import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item } from '@/db/schema';
import { pgErrorOf } from '@/lib/db-errors';
import { DomainError, isDomainError } from '@/lib/errors';
import { itemSchema, type ItemData, type ItemInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import type { Edit } from '@/lib/versions';
import { insertItems, updateItems, type BatchRows, type BatchRun } from './item-batch';
import { itemExtras, type ItemRow } from './item-columns';
import { checkItemRules, refusalOf } from './item-rules';
import { mergeOverStored } from './merge';
import type { ItemOutcome, ItemWriteRow } from './item-writer';

/*
 * The item writer's one-by-one way (item-writer.ts): one row in the writing transaction, its item locked,
 * every rule of item-rules.ts checked, stored through the same statements as a batch (a batch of one).
 */

/** One row; a refusal is its outcome, anything else (a lost connection, a bug) is thrown. */
export async function writeOneItem(tx: DbOrTx, row: ItemWriteRow, edit: Edit): Promise<ItemOutcome> {
  try {
    const written =
      row.id === null
        ? await insertOne(tx, row.values as ItemInput, edit)
        : await updateOne(tx, row.id, row.values, edit);
    return { ok: true, ...written, via: 'one by one' };
  } catch (error) {
    if (isDomainError(error) || pgErrorOf(error)) return { ok: false, error, via: 'one by one' };
    throw error;
  }
}

const rowsOf = (data: ItemData, stored: ItemRow | null, edit: Edit): BatchRows => ({
  data: [data],
  extras: [itemExtras(data, stored, edit)],
});

async function insertOne(db: DbOrTx, input: ItemInput, edit: Edit) {
  const data = parseOrThrow(itemSchema, input);
  await checkItemRules(db, { stored: null, data, edit });
  const ids = await refusingUnique(db, data, insertItems(rowsOf(data, null, edit)));
  return { id: ids.get(data.code)!, added: true, data };
}

/**
 * Lays `changes` (a form sends every field, the records API and imports only theirs) over the item as it
 * is under its lock: the merge and every rule (the form's version, the tracking switch's stock) read the
 * row as it is when written. A savepoint when called inside a transaction (an import chunk): a refusal
 * must not abort the rest.
 */
async function updateOne(db: DbOrTx, id: bigint, changes: Partial<ItemInput>, edit: Edit) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(item).where(eq(item.id, id)).for('update');
    if (!current) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    const data = mergeOverStored(itemSchema, current, changes);
    await checkItemRules(tx, { stored: current, data, edit });
    await refusingUnique(
      tx,
      data,
      updateItems({ ...rowsOf(data, current, edit), ids: [id], readVersions: [current.version] }),
    );
    return { id, added: false, data };
  });
}

/**
 * Runs a statement in a savepoint of its own, so that after a unique violation `db` can still look up
 * which item holds the code for the refusal (refusalOf).
 */
async function refusingUnique<T>(db: DbOrTx, data: ItemData, run: BatchRun<T>): Promise<T> {
  try {
    return await db.transaction(run);
  } catch (error) {
    throw (await refusalOf(db, error, data)) ?? error;
  }
}
