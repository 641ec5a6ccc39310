import type { DbOrTx } from '@/db/client';
import type { ItemData, ItemInput } from '@/lib/validation/catalog';
import type { Edit } from '@/lib/versions';
import { writeItems, type ItemOutcome } from './item-writer';

/*
 * One item at a time, for the form and the records API: a batch of one through the item writer
 * (item-writer.ts), which an import's chunks reach too, so every door keeps the same rules (item-rules.ts).
 */

/** Adds an item; throws the refusal (a DomainError with the fields at fault). */
export async function createItem(db: DbOrTx, input: ItemInput, edit: Edit = {}): Promise<bigint> {
  return settled(await writeItems(db, [{ id: null, values: input }], edit)).id;
}

/**
 * Changes the fields in `changes` (a form sends them all, the records API and imports only theirs), laid
 * over the item as it is under its lock, and answers the item as written.
 */
export async function updateItem(
  db: DbOrTx,
  id: bigint,
  changes: Partial<ItemInput>,
  edit: Edit = {},
): Promise<ItemData> {
  return settled(await writeItems(db, [{ id, values: changes }], edit)).data;
}

function settled([outcome]: ItemOutcome[]): Extract<ItemOutcome, { ok: true }> {
  if (!outcome.ok) throw outcome.error;
  return outcome;
}
