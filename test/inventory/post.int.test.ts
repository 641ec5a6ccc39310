import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, document, documentLine, documentSeries, serialNumber, stockLevel } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { createWarehouse } from '@/lib/catalog/warehouses';
import { postDocument } from '@/lib/inventory/post';

type World = Awaited<ReturnType<typeof seedWorld>>;
const today = '2026-11-22';

describe('posting documents', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const receive = (serials: string[], extra: Partial<{ itemId: bigint; warehouseId: bigint; quantity: string }> = {}) =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: extra.warehouseId ?? w.main,
        partnerId: w.supplier,
        lines: [{ itemId: extra.itemId ?? w.tracked, quantity: extra.quantity ?? String(serials.length), serials }],
      },
      w.actor,
    );
  const issue = (serials: string[], extra: Partial<{ itemId: bigint; warehouseId: bigint }> = {}) =>
    postDocument(
      db,
      {
        kind: 'goods_issue',
        date: today,
        warehouseId: extra.warehouseId ?? w.main,
        partnerId: w.customer,
        lines: [{ itemId: extra.itemId ?? w.tracked, quantity: String(serials.length), serials }],
      },
      w.actor,
    );
  const stockOf = async (itemId: bigint, warehouseId: bigint) =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, itemId), eq(stockLevel.warehouseId, warehouseId)))
    )[0]?.quantity;

  it('numbers documents per kind and year and receives serials into stock', async () => {
    const first = await receive(['R-1', 'R-2']);
    const second = await receive(['R-3']);
    expect(first.number).toMatch(/^GR-2026-\d{5}$/);
    expect(Number(second.number.slice(-5))).toBe(Number(first.number.slice(-5)) + 1);
    expect(await stockOf(w.tracked, w.main)).toBe('3.000');
    const rows = await db.select().from(serialNumber).where(eq(serialNumber.itemId, w.tracked));
    expect(rows.map((r) => [r.serial, r.status])).toEqual(
      expect.arrayContaining([
        ['R-1', 'in_stock'],
        ['R-3', 'in_stock'],
      ]),
    );
  });

  it('pads numbers to five digits and never cuts a longer one', async () => {
    await db
      .update(documentSeries)
      .set({ lastNumber: 99_998 })
      .where(and(eq(documentSeries.kind, 'goods_receipt'), eq(documentSeries.year, 2026)));
    expect((await receive(['N-1'])).number).toBe('GR-2026-99999');
    expect((await receive(['N-2'])).number).toBe('GR-2026-100000');
    const posted = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2031-01-02',
        warehouseId: w.main,
        lines: [
          { itemId: w.other, quantity: '1', unitPrice: '2.25', vatRate: '12', serials: ['N-3'] },
          { itemId: w.tracked, quantity: '1', serials: ['N-4'] },
        ],
      },
      w.actor,
    );
    expect(posted.number).toBe('GR-2031-00001');
    const stored = await db
      .select()
      .from(documentLine)
      .where(eq(documentLine.documentId, posted.id))
      .orderBy(documentLine.lineNo);
    expect(stored.map((l) => [l.lineNo, l.itemId, l.quantity, l.unitPrice, l.vatRate])).toEqual([
      [1, w.other, '1.000', '2.2500', '12.00'],
      [2, w.tracked, '1.000', '0.0000', '0.00'],
    ]);
  });

  it('refuses a count mismatch and writes nothing', async () => {
    const before = (await db.select().from(document)).length;
    await expect(receive(['X-1', 'X-2', 'X-3'], { quantity: '5' })).rejects.toThrow(
      'Item ACME-1 needs 5 serial numbers, 3 entered.',
    );
    await expect(receive(['X-1'], { quantity: '1.5' })).rejects.toThrow(
      'Item ACME-1: serial-tracked quantity must be a whole number.',
    );
    await expect(receive(['X-1', 'X-1'])).rejects.toThrow('Serial X-1 is entered twice on line 1.');
    expect((await db.select().from(document)).length).toBe(before);
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'X-1'))).toHaveLength(0);
  });

  it('refuses receiving a serial already in stock, naming the warehouse and the receipt', async () => {
    const posted = await receive(['D-1']);
    await expect(receive(['D-0', 'D-1'])).rejects.toMatchObject({
      message: `Serial D-1 of item ACME-1 is already in stock in warehouse MAIN (received by ${posted.number}).`,
      details: { serials: ['D-1'] },
    });
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'D-0'))).toHaveLength(0);
  });

  it('keeps uniqueness per item: the same text can exist for two items', async () => {
    await receive(['SAME-1']);
    await expect(receive(['SAME-1'], { itemId: w.other })).resolves.toMatchObject({ number: expect.any(String) });
  });

  it('issues only serials in stock and explains every refusal', async () => {
    const got = await receive(['I-1', 'I-2', 'I-3']);
    await receive(['I-9'], { warehouseId: w.shop });
    await receive(['O-1'], { itemId: w.other });
    const issued = await issue(['I-1']);
    await expect(issue(['I-1'])).rejects.toThrow(
      `Serial I-1 of item ACME-1 is not in stock in warehouse MAIN: already issued by ${issued.number}.`,
    );
    await expect(issue(['I-9'])).rejects.toThrow(
      'Serial I-9 of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.',
    );
    await expect(issue(['NEVER'])).rejects.toThrow(
      'Serial NEVER of item ACME-1 is not in stock in warehouse MAIN: it was never received.',
    );
    await expect(issue(['O-1'])).rejects.toThrow('Serial O-1 belongs to item ACME-2, not ACME-1.');
    expect(got.number).toBeTruthy();
  });

  it('lets an issued serial come back (a return) and keeps both in its history', async () => {
    await receive(['RET-1']);
    await issue(['RET-1']);
    await receive(['RET-1']);
    const [row] = await db
      .select()
      .from(serialNumber)
      .where(and(eq(serialNumber.serial, 'RET-1'), eq(serialNumber.itemId, w.tracked)));
    expect(row.status).toBe('in_stock');
  });

  it('never lets stock go negative, naming item, warehouse, available and requested', async () => {
    await postDocument(
      db,
      { kind: 'goods_receipt', date: today, warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '2.5' }] },
      w.actor,
    );
    const auditEntries = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n;
    const before = await auditEntries();
    await expect(
      postDocument(
        db,
        { kind: 'goods_issue', date: today, warehouseId: w.main, lines: [{ itemId: w.plain, quantity: '3' }] },
        w.actor,
      ),
    ).rejects.toThrow('Not enough stock of CABLE in warehouse MAIN: 2.5 m available, 3 requested.');
    expect(await stockOf(w.plain, w.main)).toBe('2.500');
    // The audit entry was sent alongside the stock statements; the refusal took it back with everything else.
    expect(await auditEntries()).toBe(before);
  });

  // Serial and stock statements go out together (pipelined); the answer must still be what it was when
  // they ran one after the other, and a refusal must leave nothing behind.
  it('on a refused issue reports the serials rather than the shortfall they cause, every shortfall otherwise, and writes nothing', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.shop,
        lines: [
          { itemId: w.plain, quantity: '1' },
          { itemId: w.tracked, quantity: '1', serials: ['P-1'] },
        ],
      },
      w.actor,
    );
    const before = { plain: await stockOf(w.plain, w.shop), tracked: await stockOf(w.tracked, w.shop) };
    const outOf = (lines: { itemId: bigint; quantity: string; serials?: string[] }[]) =>
      postDocument(
        db,
        { kind: 'goods_issue', date: today, warehouseId: w.shop, partnerId: w.customer, lines },
        w.actor,
      );
    await expect(
      outOf([
        { itemId: w.plain, quantity: '1' },
        { itemId: w.tracked, quantity: '2', serials: ['P-1', 'P-NONE'] },
      ]),
    ).rejects.toMatchObject({ problems: [{ code: 'NOT_IN_STOCK', line: 1 }] });
    await expect(
      outOf([
        { itemId: w.plain, quantity: '4' },
        { itemId: w.other, quantity: '1', serials: ['P-OTHER'] },
      ]),
    ).rejects.toMatchObject({ problems: [{ line: 1 }] });
    await expect(
      outOf([
        { itemId: w.plain, quantity: '4' },
        { itemId: w.tracked, quantity: '1', serials: ['P-1'] },
        { itemId: w.plain, quantity: '1' },
      ]),
    ).rejects.toMatchObject({
      problems: [
        {
          code: 'INSUFFICIENT_STOCK',
          message: 'Not enough stock of CABLE in warehouse SHOP: 1 m available, 5 requested.',
        },
      ],
    });
    expect({ plain: await stockOf(w.plain, w.shop), tracked: await stockOf(w.tracked, w.shop) }).toEqual(before);
    const [p1] = await db
      .select()
      .from(serialNumber)
      .where(and(eq(serialNumber.serial, 'P-1'), eq(serialNumber.itemId, w.tracked)));
    expect(p1.status).toBe('in_stock');
  });

  it('refuses serials on an untracked item and a partner of the wrong type', async () => {
    await expect(
      postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: today,
          warehouseId: w.main,
          lines: [{ itemId: w.plain, quantity: '1', serials: ['Z'] }],
        },
        w.actor,
      ),
    ).rejects.toThrow(/Item CABLE does not track serial numbers/);
    await expect(
      postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: today,
          warehouseId: w.main,
          partnerId: w.customer,
          lines: [{ itemId: w.plain, quantity: '1' }],
        },
        w.actor,
      ),
    ).rejects.toMatchObject({ fieldErrors: { partnerId: 'Partner CUS is a customer, not a supplier.' } });
  });

  it('a purchase invoice creates its goods receipt in the same transaction; a sales invoice its goods issue', async () => {
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId: w.tracked, quantity: '2', unitPrice: '100', vatRate: '21', serials: ['INV-1', 'INV-2'] }],
      },
      w.actor,
    );
    expect(pi.number).toMatch(/^PI-2026-/);
    expect(pi.stockDocument?.number).toMatch(/^GR-2026-/);
    const si = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: '1', unitPrice: '150', serials: ['INV-1'] }],
      },
      w.actor,
    );
    expect(si.stockDocument?.number).toMatch(/^GI-2026-/);
    const [gi] = await db.select().from(document).where(eq(document.id, si.stockDocument!.id));
    expect(gi.sourceInvoiceId).toBe(si.id);
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'INV-1'));
    expect(serial.status).toBe('issued');
  });

  it('an invoice without "create stock document" does not touch stock', async () => {
    const before = await stockOf(w.plain, w.main);
    const pi = await postDocument(
      db,
      {
        kind: 'purchase_invoice',
        date: today,
        warehouseId: w.main,
        partnerId: w.supplier,
        createStockDocument: false,
        lines: [{ itemId: w.plain, quantity: '10', unitPrice: '5' }],
      },
      w.actor,
    );
    expect(pi.stockDocument).toBeNull();
    expect(await stockOf(w.plain, w.main)).toBe(before);
  });

  it('a failing generated issue rolls back the whole invoice', async () => {
    const before = (await db.select().from(document)).length;
    await expect(
      postDocument(
        db,
        {
          kind: 'sales_invoice',
          date: today,
          warehouseId: w.main,
          partnerId: w.customer,
          lines: [{ itemId: w.tracked, quantity: '1', serials: ['NOPE'] }],
        },
        w.actor,
      ),
    ).rejects.toThrow(/never received/);
    expect((await db.select().from(document)).length).toBe(before);
  });

  it('refuses stock that would not fit its column with a message, never a database error', async () => {
    const big = await createWarehouse(db, { code: 'BIG', name: 'Big' });
    const huge = { itemId: w.plain, quantity: '999999999999999' };
    const error = await postDocument(
      db,
      { kind: 'goods_receipt', date: today, warehouseId: big, lines: [huge, huge] },
      w.actor,
    ).catch((e) => e);
    expect(error).toMatchObject({
      code: 'INVALID_DATA',
      message: 'Stock of CABLE in warehouse BIG would exceed 999,999,999,999,999 m, the most it can hold.',
    });
    await postDocument(db, { kind: 'goods_receipt', date: today, warehouseId: big, lines: [huge] }, w.actor);
    await expect(
      postDocument(db, { kind: 'goods_receipt', date: today, warehouseId: big, lines: [huge] }, w.actor),
    ).rejects.toThrow('Stock of CABLE in warehouse BIG would exceed 999,999,999,999,999 m, the most it can hold.');
    expect(await stockOf(w.plain, big)).toBe('999999999999999.000');
  });
});
