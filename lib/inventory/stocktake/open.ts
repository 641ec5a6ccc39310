import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, stocktake, stocktakeItem, warehouse } from '@/db/schema';
import { withRetry } from '@/lib/db-retry';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { rows } from '@/lib/sql-rows';
import { openStocktakeSchema, type OpenStocktakeInput } from '@/lib/validation/stocktakes';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { audit } from '../audit';
import { allocateStocktakeNumber } from '../numbering';
import type { Actor } from '../post';
import { lockOpenStocktake } from './lock';

/**
 * Opens a count of one warehouse, of every item or of the chosen ones. One count per warehouse is open at a time
 * (a partial unique index): two open counts would both post the same differences.
 */
export async function openStocktake(
  db: DbOrTx,
  input: OpenStocktakeInput,
  actor: Actor,
): Promise<{ id: bigint; number: string }> {
  const data = parseOrThrow(openStocktakeSchema, input);
  try {
    return await withRetry(db, () =>
      db.transaction(async (tx) => {
        const [wh] = await tx
          .select({ code: warehouse.code })
          .from(warehouse)
          .where(sql`${warehouse.id} = ${data.warehouseId}`)
          .for('key share');
        if (!wh)
          throw new DomainError('INVALID_DATA', 'This warehouse does not exist.', {
            warehouseId: 'This warehouse does not exist.',
          });
        if (data.itemIds.length > 0) {
          const found = await tx
            .select({ id: item.id })
            .from(item)
            .where(inArray(item.id, data.itemIds))
            .for('key share');
          if (found.length !== data.itemIds.length)
            throw new DomainError('INVALID_DATA', 'One of the chosen items does not exist.', {
              itemIds: 'One of the chosen items does not exist.',
            });
        }
        const number = await allocateStocktakeNumber(tx, data.date);
        const [row] = await tx
          .insert(stocktake)
          .values({ number, date: data.date, warehouseId: data.warehouseId, note: data.note, createdBy: actor.userId })
          .returning({ id: stocktake.id });
        if (data.itemIds.length > 0)
          await tx.insert(stocktakeItem).values(data.itemIds.map((itemId) => ({ stocktakeId: row.id, itemId })));
        await audit(tx, {
          entity: 'stocktake',
          entityId: row.id,
          action: 'create',
          userId: actor.userId,
          changes: { after: { number, date: data.date, warehouse: wh.code, items: data.itemIds.length } },
        });
        return { id: row.id, number };
      }),
    );
  } catch (error) {
    if (violatedUnique(error) !== 'stocktake_one_open_per_warehouse') throw error;
    const [open] = await rows<{ number: string }>(
      db,
      sql`select number from stocktake where warehouse_id = ${data.warehouseId} and status = 'open'`,
    );
    const message = `Stocktake ${open?.number ?? ''} is already open for this warehouse; close or cancel it first.`;
    throw new DomainError('CONFLICT', message, { warehouseId: message });
  }
}

/** Cancels an open count: nothing is posted, its scans stay readable, and it can no longer change. */
export async function cancelStocktake(db: DbOrTx, id: bigint, actor: Actor): Promise<void> {
  await withRetry(db, () =>
    db.transaction(async (tx) => {
      const st = await lockOpenStocktake(tx, id, 'update');
      await tx
        .update(stocktake)
        .set({
          status: 'cancelled',
          closedBy: actor.userId,
          closedAt: new Date(),
          version: sql`${stocktake.version} + 1`,
        })
        .where(sql`${stocktake.id} = ${id}`);
      await audit(tx, {
        entity: 'stocktake',
        entityId: st.id,
        action: 'update',
        userId: actor.userId,
        changes: { status: 'cancelled' },
      });
    }),
  );
}
