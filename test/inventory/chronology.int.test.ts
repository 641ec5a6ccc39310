import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { serialNumber, stockLevel } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;

/** A serial's movements stay in date order; counted goods never go below zero at any date. */
describe('chronology', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const doc = (
    kind: 'goods_receipt' | 'goods_issue',
    date: string,
    lines: { itemId: bigint; quantity: string; serials?: string[] }[],
    warehouseId = w.main,
  ) => ({ kind, date, warehouseId, lines });
  const tracked = (serials: string[]) => ({ itemId: w.tracked, quantity: String(serials.length), serials });
  const plain = (quantity: string) => ({ itemId: w.plain, quantity });

  it('refuses issuing a serial before the date it was received, naming both documents and dates', async () => {
    const gr = await postDocument(db, doc('goods_receipt', '2026-12-06', [tracked(['CH-1'])]), w.actor);
    await expect(
      postDocument(
        db,
        {
          kind: 'sales_invoice',
          date: '2026-01-01',
          warehouseId: w.main,
          partnerId: w.customer,
          lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '1', serials: ['CH-1'] }],
        },
        w.actor,
      ),
    ).rejects.toThrow(
      `Serial CH-1 of item ACME-1 cannot be issued on 2026-01-01: it was received on 2026-12-06 by ${gr.number}.`,
    );
    const gi = await postDocument(db, doc('goods_issue', '2026-12-06', [tracked(['CH-1'])]), w.actor);
    expect(gi.number).toMatch(/^GI-2026-/);
  });

  it('refuses receiving a returned serial before the date it was issued', async () => {
    await postDocument(db, doc('goods_receipt', '2026-03-01', [tracked(['CH-2'])]), w.actor);
    const gi = await postDocument(db, doc('goods_issue', '2026-06-15', [tracked(['CH-2'])]), w.actor);
    await expect(postDocument(db, doc('goods_receipt', '2026-05-01', [tracked(['CH-2'])]), w.actor)).rejects.toThrow(
      `Serial CH-2 of item ACME-1 cannot be received on 2026-05-01: it was issued on 2026-06-15 by ${gi.number}`,
    );
    await postDocument(db, doc('goods_receipt', '2026-06-15', [tracked(['CH-2'])]), w.actor);
  });

  it('refuses re-dating an issue before its serial arrived, and restores the date rule when an issue is deleted', async () => {
    const gr = await postDocument(db, doc('goods_receipt', '2026-04-10', [tracked(['CH-3'])]), w.actor);
    const gi = await postDocument(db, doc('goods_issue', '2026-04-20', [tracked(['CH-3'])]), w.actor);
    await expect(
      updateDocument(db, gi.id, doc('goods_issue', '2026-04-01', [tracked(['CH-3'])]), w.actor),
    ).rejects.toThrow(`cannot be issued on 2026-04-01: it was received on 2026-04-10 by ${gr.number}`);
    await deleteDocument(db, gi.id, w.actor);
    const [row] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'CH-3'));
    expect([row.status, row.lastMovedOn]).toEqual(['in_stock', '2026-04-10']);
    await expect(postDocument(db, doc('goods_issue', '2026-04-09', [tracked(['CH-3'])]), w.actor)).rejects.toThrow(
      /cannot be issued on 2026-04-09/,
    );
  });

  it('refuses a back-dated issue of counted goods that would leave a later day below zero', async () => {
    await postDocument(db, doc('goods_receipt', '2026-02-01', [plain('5')]), w.actor);
    await postDocument(db, doc('goods_issue', '2026-02-10', [plain('4')]), w.actor);
    await postDocument(db, doc('goods_receipt', '2026-03-01', [plain('10')]), w.actor);
    // 11 on hand today, but on 2026-02-10 only 1 was left after that day's issue.
    await expect(postDocument(db, doc('goods_issue', '2026-02-05', [plain('3')]), w.actor)).rejects.toThrow(
      'Not enough stock of CABLE in warehouse MAIN on 2026-02-05: it would fall to -2 m on 2026-02-10 (stock may not go below zero at any date).',
    );
    await postDocument(db, doc('goods_issue', '2026-02-05', [plain('1')]), w.actor);
    const [level] = await db
      .select()
      .from(stockLevel)
      .where(and(eq(stockLevel.itemId, w.plain), eq(stockLevel.warehouseId, w.main)));
    expect(Number(level.quantity)).toBe(10);
  });

  it('refuses deleting or re-dating a receipt of counted goods that a later issue used, but not an edit that keeps it', async () => {
    const early = await postDocument(db, doc('goods_receipt', '2026-07-01', [plain('10')], w.shop), w.actor);
    await postDocument(db, doc('goods_receipt', '2026-09-01', [plain('10')], w.shop), w.actor);
    await postDocument(db, doc('goods_issue', '2026-08-01', [plain('10')], w.shop), w.actor);
    await expect(deleteDocument(db, early.id, w.actor)).rejects.toThrow(
      `${early.number} cannot be changed or deleted: stock of CABLE in warehouse SHOP would fall to -10 m on 2026-08-01`,
    );
    await expect(
      updateDocument(db, early.id, doc('goods_receipt', '2026-08-15', [plain('10')], w.shop), w.actor),
    ).rejects.toThrow(/would fall to -10 m on 2026-08-01/);
    await updateDocument(
      db,
      early.id,
      { ...doc('goods_receipt', '2026-07-01', [plain('10')], w.shop), note: 'price corrected' },
      w.actor,
    );
  });

  it('keeps every serial history in date order', async () => {
    const [{ n }] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select d.date, lag(d.date) over (partition by m.serial_id order by m.id) as before
        from serial_movement m join document d on d.id = m.document_id) x where x.date < x.before`);
    expect(n).toBe(0);
  });
});
