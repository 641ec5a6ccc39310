import { and, eq, gt, sql, sum } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, serialNumber, stockLevel } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { itemSchema, type ItemData, type ItemInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { duplicateCodeError, withCodeKey } from './code-key';

export async function createItem(db: DbOrTx, input: ItemInput): Promise<bigint> {
  const data = parseOrThrow(itemSchema, input);
  try {
    // A savepoint when called inside a transaction (an import chunk): a duplicate must not abort the rest.
    return await db.transaction(async (tx) => (await tx.insert(item).values(withCodeKey(data)).returning({ id: item.id }))[0].id);
  } catch (error) {
    throw await duplicateError(db, error, data) ?? error;
  }
}

/** Updates an item; the tracking switch is checked against stock under the item's row lock. */
export async function updateItem(db: DbOrTx, id: bigint, input: ItemInput): Promise<void> {
  const data = parseOrThrow(itemSchema, input);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(item).where(eq(item.id, id)).for('update');
    if (!current) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    if (current.trackSerials !== data.trackSerials) await assertTrackingSwitchAllowed(tx, current, data.trackSerials);
    try {
      // A savepoint, so that after a duplicate the transaction can still look up which item holds the code.
      await tx.transaction((sp) => sp.update(item).set(withCodeKey(data)).where(eq(item.id, id)));
    } catch (error) {
      throw await duplicateError(tx, error, data) ?? error;
    }
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
