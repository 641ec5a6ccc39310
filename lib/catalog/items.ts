import { and, eq, gt, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, serialNumber, stockLevel } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { itemSchema, type ItemData, type ItemInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { assertCurrentVersion, nextStamp, type Edit } from '@/lib/versions';
import { duplicateCodeError, withCodeKey } from './code-key';
import { mergeOverStored } from './merge';

export async function createItem(db: DbOrTx, input: ItemInput, edit: Edit = {}): Promise<bigint> {
  const data = parseOrThrow(itemSchema, input);
  try {
    // A savepoint when called inside a transaction (an import chunk): a duplicate must not abort the rest.
    return await db.transaction(async (tx) => (await tx.insert(item).values({ ...withCodeKey(data), updatedBy: edit.userId ?? null })
      .returning({ id: item.id }))[0].id);
  } catch (error) {
    throw await duplicateError(db, error, data) ?? error;
  }
}

/**
 * Changes the fields in `changes` (a form sends them all, the records API and imports only theirs) and
 * answers the item as written. The item is locked first: the version check, the merge with the stored
 * fields and the tracking switch's stock check all read the row as it is when written.
 */
export async function updateItem(db: DbOrTx, id: bigint, changes: Partial<ItemInput>, edit: Edit = {}): Promise<ItemData> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(item).where(eq(item.id, id)).for('update');
    if (!current) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    await assertCurrentVersion(tx, current, edit.version);
    const data = mergeOverStored(itemSchema, current, changes);
    if (current.trackSerials !== data.trackSerials) await assertTrackingSwitchAllowed(tx, current, data.trackSerials);
    try {
      // A savepoint, so that after a duplicate the transaction can still look up which item holds the code.
      await tx.transaction((sp) => sp.update(item).set({ ...withCodeKey(data), ...nextStamp(current, edit) }).where(eq(item.id, id)));
    } catch (error) {
      throw await duplicateError(tx, error, data) ?? error;
    }
    return data;
  });
}

async function assertTrackingSwitchAllowed(tx: DbOrTx, current: typeof item.$inferSelect, turnOn: boolean) {
  if (!turnOn) {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(serialNumber)
      .where(and(eq(serialNumber.itemId, current.id), eq(serialNumber.status, 'in_stock')));
    if (n > 0) {
      throw new DomainError('CONFLICT',
        `Serial-number tracking of ${current.code} cannot be switched off: ${n} serial number${n === 1 ? ' is' : 's are'} in stock.`,
        { trackSerials: 'Issue the serial numbers in stock first.' });
    }
    return;
  }
  const [{ onHand }] = await tx.select({ onHand: sum(stockLevel.quantity) }).from(stockLevel)
    .where(and(eq(stockLevel.itemId, current.id), gt(stockLevel.quantity, '0')));
  if (onHand && Number(onHand) > 0) {
    throw new DomainError('CONFLICT',
      `Serial-number tracking of ${current.code} cannot be switched on: ${stripZeros(onHand)} ${current.unit} are in stock without serial numbers.`,
      { trackSerials: 'Issue the stock without serial numbers first.' });
  }
}

function stripZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}

async function duplicateError(db: DbOrTx, error: unknown, data: ItemData): Promise<DomainError | null> {
  const constraint = violatedUnique(error);
  if (constraint === null) return null;
  if (constraint.includes('ean')) {
    return new DomainError('DUPLICATE_DATA', `EAN ${data.ean} is already used by another item.`, { ean: `EAN ${data.ean} is already used by another item.` });
  }
  return duplicateCodeError(db, 'item', data.code);
}
