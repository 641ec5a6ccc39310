import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { document, documentLine, item, partner, serialNumber, stockLevel, warehouse } from '@/db/schema';
import { DomainError } from '@/lib/errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const use = (n: number) => (n === 1 ? 'uses' : 'use');

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  return (await query)[0]?.n ?? 0;
}

/**
 * Deletes an item nothing refers to. History must stay intact, so an item on any document, with serial
 * numbers or with stock is refused; retiring it (Active off) is the way out.
 */
export async function deleteItem(db: DbOrTx, id: bigint): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ code: item.code }).from(item).where(eq(item.id, id)).for('update');
    if (!row) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    const n = sql<number>`count(*)::int`;
    const lines = await countOf(tx.select({ n }).from(documentLine).where(eq(documentLine.itemId, id)));
    const serials = await countOf(tx.select({ n }).from(serialNumber).where(eq(serialNumber.itemId, id)));
    const stocked = await countOf(
      tx
        .select({ n })
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, id), gt(stockLevel.quantity, '0'))),
    );
    const reasons = [
      lines && `${plural(lines, 'document line')} ${use(lines)} it`,
      serials && `it has ${plural(serials, 'serial number')}`,
      stocked && 'it is in stock',
    ].filter(Boolean);
    if (reasons.length) {
      throw new DomainError(
        'CONFLICT',
        `Item ${row.code} cannot be deleted: ${reasons.join(', ')}. Set it inactive instead.`,
      );
    }
    await tx.delete(stockLevel).where(eq(stockLevel.itemId, id));
    await tx.delete(item).where(eq(item.id, id));
  });
}

/** Deletes a partner no document names. */
export async function deletePartner(db: DbOrTx, id: bigint): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ code: partner.code }).from(partner).where(eq(partner.id, id)).for('update');
    if (!row) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
    const docs = await countOf(
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(document)
        .where(eq(document.partnerId, id)),
    );
    if (docs)
      throw new DomainError(
        'CONFLICT',
        `Partner ${row.code} cannot be deleted: ${plural(docs, 'document')} ${docs === 1 ? 'names' : 'name'} it.`,
      );
    await tx.delete(partner).where(eq(partner.id, id));
  });
}

/** Deletes a warehouse with no documents, no stock and no serial numbers. */
export async function deleteWarehouse(db: DbOrTx, id: bigint): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ code: warehouse.code }).from(warehouse).where(eq(warehouse.id, id)).for('update');
    if (!row) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
    const n = sql<number>`count(*)::int`;
    // A transfer uses both of its warehouses.
    const docs = await countOf(
      tx
        .select({ n })
        .from(document)
        .where(or(eq(document.warehouseId, id), eq(document.destinationWarehouseId, id))),
    );
    const serials = await countOf(tx.select({ n }).from(serialNumber).where(eq(serialNumber.warehouseId, id)));
    const stocked = await countOf(
      tx
        .select({ n })
        .from(stockLevel)
        .where(and(eq(stockLevel.warehouseId, id), gt(stockLevel.quantity, '0'))),
    );
    const reasons = [
      docs && `${plural(docs, 'document')} ${use(docs)} it`,
      serials && `${plural(serials, 'serial number')} ${serials === 1 ? 'is' : 'are'} recorded in it`,
      stocked && 'it holds stock',
    ].filter(Boolean);
    if (reasons.length)
      throw new DomainError('CONFLICT', `Warehouse ${row.code} cannot be deleted: ${reasons.join(', ')}.`);
    await tx.delete(stockLevel).where(eq(stockLevel.warehouseId, id));
    await tx.delete(warehouse).where(eq(warehouse.id, id));
  });
}
