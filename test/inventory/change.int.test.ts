import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, document, serialMovement, serialNumber, stockLevel } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;
const today = '2026-11-22';

describe('changing posted documents', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const receiptInput = (serials: string[]) => ({
    kind: 'goods_receipt' as const,
    date: today,
    warehouseId: w.main,
    lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
  });
  const issueInput = (serials: string[]) => ({
    kind: 'goods_issue' as const,
    date: today,
    warehouseId: w.main,
    lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
  });
  const serial = async (text: string) =>
    (
      await db
        .select()
        .from(serialNumber)
        .where(and(eq(serialNumber.serial, text), eq(serialNumber.itemId, w.tracked)))
    )[0];
  const stock = async () =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, w.tracked), eq(stockLevel.warehouseId, w.main)))
    )[0]?.quantity;

  it('edits a receipt: removed serials leave stock, added ones arrive, the number stays', async () => {
    const gr = await postDocument(db, receiptInput(['E-1', 'E-2']), w.actor);
    const before = await stock();
    await updateDocument(db, gr.id, receiptInput(['E-2', 'E-3', 'E-4']), w.actor);
    expect(await serial('E-1')).toBeUndefined();
    expect((await serial('E-3')).status).toBe('in_stock');
    expect(Number(await stock()) - Number(before)).toBe(1);
    const [row] = await db.select().from(document).where(eq(document.id, gr.id));
    expect(row.number).toBe(gr.number);
    const log = await db.select().from(auditLog).where(eq(auditLog.entityId, gr.id));
    expect(log.map((l) => l.action)).toEqual(['create', 'update']);
  });

  it('refuses editing or deleting a receipt whose serial was issued later, naming the issue', async () => {
    const gr = await postDocument(db, receiptInput(['L-1', 'L-2']), w.actor);
    const gi = await postDocument(db, issueInput(['L-2']), w.actor);
    const message = `${gr.number} cannot be changed or deleted: serial L-2 was issued later by ${gi.number}; change or delete ${gi.number} first.`;
    await expect(deleteDocument(db, gr.id, w.actor)).rejects.toThrow(message);
    await expect(updateDocument(db, gr.id, receiptInput(['L-1']), w.actor)).rejects.toThrow(message);
    expect((await serial('L-1')).status).toBe('in_stock');
  });

  it('deleting an issue puts its serials back in stock', async () => {
    await postDocument(db, receiptInput(['B-1']), w.actor);
    const gi = await postDocument(db, issueInput(['B-1']), w.actor);
    await deleteDocument(db, gi.id, w.actor);
    expect((await serial('B-1')).status).toBe('in_stock');
    expect(await db.select().from(document).where(eq(document.id, gi.id))).toHaveLength(0);
  });

  it('deleting a return receipt restores the serial to issued, with its history intact', async () => {
    const first = await postDocument(db, receiptInput(['RT-1']), w.actor);
    const gi = await postDocument(db, issueInput(['RT-1']), w.actor);
    const ret = await postDocument(db, receiptInput(['RT-1']), w.actor);
    await deleteDocument(db, ret.id, w.actor);
    const s = await serial('RT-1');
    expect(s.status).toBe('issued');
    const moves = await db.select().from(serialMovement).where(eq(serialMovement.serialId, s.id));
    expect(moves.map((m) => [m.documentId, m.direction])).toEqual([
      [first.id, 'in'],
      [gi.id, 'out'],
    ]);
    await expect(deleteDocument(db, first.id, w.actor)).rejects.toThrow(`serial RT-1 was issued later by ${gi.number}`);
  });

  it('refuses deleting an issue whose serial came back later', async () => {
    await postDocument(db, receiptInput(['C-1']), w.actor);
    const gi = await postDocument(db, issueInput(['C-1']), w.actor);
    const back = await postDocument(db, receiptInput(['C-1']), w.actor);
    await expect(deleteDocument(db, gi.id, w.actor)).rejects.toThrow(
      `${gi.number} cannot be changed or deleted: serial C-1 was received again later by ${back.number}; change or delete ${back.number} first.`,
    );
  });

  it('refuses deleting a receipt of an untracked item whose stock was issued', async () => {
    const gr = await postDocument(
      db,
      { kind: 'goods_receipt', date: today, warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '4' }] },
      w.actor,
    );
    await postDocument(
      db,
      { kind: 'goods_issue', date: today, warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '3' }] },
      w.actor,
    );
    await expect(deleteDocument(db, gr.id, w.actor)).rejects.toThrow(
      /would go below zero \(1 m on hand, 4 received by it\)/,
    );
  });

  it('deleting an invoice deletes its goods document; the goods document alone cannot be deleted', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '9', serials: ['PI-S-1'] }],
      },
      w.actor,
    );
    await expect(deleteDocument(db, pi.stockDocument!.id, w.actor)).rejects.toThrow(
      `${pi.stockDocument!.number} was created by ${pi.number}; change or delete the invoice instead.`,
    );
    await deleteDocument(db, pi.id, w.actor);
    expect(await db.select().from(document).where(eq(document.id, pi.stockDocument!.id))).toHaveLength(0);
    expect(await serial('PI-S-1')).toBeUndefined();
  });

  it('editing an invoice rewrites its goods document, and switching it off removes it', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '9', serials: ['ED-1'] }],
      },
      w.actor,
    );
    const edit = (serials: string[], createStockDocument = true) =>
      updateDocument(
        db,
        pi.id,
        {
          kind: 'purchase_invoice',
          date: today,
          warehouseId: w.main,
          partnerId: w.supplier,
          createStockDocument,
          lines: [{ itemId: w.tracked, quantity: String(serials.length), unitPrice: '9', serials }],
        },
        w.actor,
      );
    await edit(['ED-2', 'ED-3']);
    expect(await serial('ED-1')).toBeUndefined();
    expect((await serial('ED-3')).status).toBe('in_stock');
    const [linked] = await db.select().from(document).where(eq(document.sourceInvoiceId, pi.id));
    expect(linked.number).toBe(pi.stockDocument!.number);
    await updateDocument(
      db,
      pi.id,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        createStockDocument: false,
        lines: [{ itemId: w.plain, quantity: '1', unitPrice: '9' }],
      },
      w.actor,
    );
    expect(await db.select().from(document).where(eq(document.sourceInvoiceId, pi.id))).toHaveLength(0);
    expect(await serial('ED-2')).toBeUndefined();
  });
});
