import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { partner, warehouse } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { postDocument } from '@/lib/inventory/post';
import { deleteItem, deletePartner, deleteWarehouse } from '@/lib/catalog/delete';

describe('deleting catalog records', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);
  await postDocument(
    db,
    {
      kind: 'goods_receipt',
      date: '2026-11-22',
      warehouseId: w.main,
      partnerId: w.supplier,
      lines: [{ itemId: w.tracked, quantity: '2', serials: ['A', 'B'] }],
    },
    w.actor,
  );

  it('refuses records that history refers to, naming why', async () => {
    await expect(deleteItem(db, w.tracked)).rejects.toThrow(
      'Item ACME-1 cannot be deleted: 1 document line uses it, it has 2 serial numbers, it is in stock. Set it inactive instead.',
    );
    await expect(deletePartner(db, w.supplier)).rejects.toThrow('Partner SUP cannot be deleted: 1 document names it.');
    await expect(deleteWarehouse(db, w.main)).rejects.toThrow(
      'Warehouse MAIN cannot be deleted: 1 document uses it, 2 serial numbers are recorded in it, it holds stock.',
    );
  });

  it('deletes unused records and reports missing ones', async () => {
    await deleteItem(db, w.other);
    await deletePartner(db, w.customer);
    await deleteWarehouse(db, w.shop);
    expect(await db.select().from(partner).where(eq(partner.id, w.customer))).toHaveLength(0);
    expect(await db.select().from(warehouse).where(eq(warehouse.id, w.shop))).toHaveLength(0);
    await expect(deleteItem(db, w.other)).rejects.toThrow('This item does not exist.');
  });
});
