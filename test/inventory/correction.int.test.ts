import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditLog, document, documentLine } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { updateDocument } from '@/lib/inventory/change';
import { documentBlockers } from '@/lib/inventory/correction';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;
const day = '2026-06-01';

/** Fields that move no stock stay correctable on a document whose stock effects later documents pin. */
describe('corrections by field', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const receipt = (
    serials: string[],
    extra: { note?: string; unitPrice?: string; partnerId?: bigint | null } = {},
  ) => ({
    kind: 'goods_receipt' as const,
    date: day,
    warehouseId: w.main,
    note: extra.note ?? '',
    partnerId: extra.partnerId ?? null,
    lines: [
      { itemId: w.tracked, quantity: String(serials.length), unitPrice: extra.unitPrice ?? '10', serials },
      { itemId: w.plain, quantity: '5', unitPrice: '2' },
    ],
  });
  const issue = (serials: string[]) => ({
    kind: 'goods_issue' as const,
    date: day,
    warehouseId: w.main,
    lines: [
      { itemId: w.tracked, quantity: String(serials.length), serials },
      { itemId: w.plain, quantity: '5' },
    ],
  });
  const lastAudit = async (id: bigint) =>
    JSON.parse(
      (await db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id))).at(-1)!.changes,
    );

  it('corrects the note, partner and prices of a receipt whose serial and stock were issued later', async () => {
    const gr = await postDocument(db, receipt(['COR-1', 'COR-2']), w.actor);
    const gi = await postDocument(db, issue(['COR-2']), w.actor);
    await updateDocument(
      db,
      gr.id,
      receipt(['COR-1', 'cor-2'], { note: 'invoice 77', unitPrice: '12.5', partnerId: w.supplier }),
      w.actor,
    );
    const [row] = await db.select().from(document).where(eq(document.id, gr.id));
    expect([row.note, row.partnerId, row.version]).toEqual(['invoice 77', w.supplier, 2]);
    const lines = await db
      .select()
      .from(documentLine)
      .where(eq(documentLine.documentId, gr.id))
      .orderBy(documentLine.lineNo);
    expect(lines.map((l) => l.unitPrice)).toEqual(['12.5000', '2.0000']);
    expect(await lastAudit(gr.id)).toMatchObject({
      correction: true,
      serials: { added: [], removed: [] },
      fields: {
        note: ['', 'invoice 77'],
        partnerId: [null, String(w.supplier)],
        'lines.1.unitPrice': ['10.0000', '12.5'],
      },
    });
    // A stock fact is still pinned: the refusal names the issue that took the serial.
    await expect(updateDocument(db, gr.id, receipt(['COR-1', 'COR-3']), w.actor)).rejects.toThrow(
      `${gr.number} cannot be changed or deleted: serial COR-2 was issued later by ${gi.number}; change or delete ${gi.number} first.`,
    );
    expect(await documentBlockers(db, gr.id)).toEqual([
      { serial: 'COR-2', id: String(gi.id), number: gi.number, kind: 'goods_issue' },
    ]);
  });

  it('an invoice correction reaches its goods document; blockers name the invoice that owns a later issue', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '100', serials: ['COR-PI'] }],
      },
      w.actor,
    );
    const si = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '150', serials: ['COR-PI'] }],
      },
      w.actor,
    );
    await updateDocument(
      db,
      pi.id,
      {
        kind: 'purchase_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.supplier,
        note: 'credit note applied',
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '95', serials: ['COR-PI'] }],
      },
      w.actor,
    );
    const goods = await db.select().from(documentLine).where(eq(documentLine.documentId, pi.stockDocument!.id));
    expect(goods.map((l) => l.unitPrice)).toEqual(['95.0000']);
    const [receiptRow] = await db.select().from(document).where(eq(document.id, pi.stockDocument!.id));
    expect(receiptRow.note).toBe('credit note applied');
    expect(await documentBlockers(db, pi.id)).toEqual([
      { serial: 'COR-PI', id: String(si.id), number: si.number, kind: 'sales_invoice' },
    ]);
  });

  it('names the serials added and removed by a full edit', async () => {
    const gr = await postDocument(db, receipt(['AUD-1', 'AUD-2']), w.actor);
    await updateDocument(db, gr.id, receipt(['AUD-2', 'AUD-3']), w.actor);
    expect(await lastAudit(gr.id)).toMatchObject({ serials: { added: ['AUD-3'], removed: ['AUD-1'] } });
  });

  it('a refusal names the invoice that owns the later issue, to change first, and links it', async () => {
    const gr = await postDocument(db, receipt(['OWN-1']), w.actor);
    const si = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: day,
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '150', serials: ['OWN-1'] }],
      },
      w.actor,
    );
    const error = await updateDocument(db, gr.id, receipt(['OWN-2']), w.actor).catch((e) => e);
    expect(error.message).toBe(
      `${gr.number} cannot be changed or deleted: serial OWN-1 was issued later by ${si.stockDocument!.number} of ${si.number}; ` +
        `change or delete ${si.number} first.`,
    );
    expect(error.details.problems[0].blockedBy).toEqual({
      id: String(si.id),
      number: si.number,
      kind: 'sales_invoice',
    });
  });
});
