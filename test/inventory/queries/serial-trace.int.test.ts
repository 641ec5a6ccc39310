import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { item, serialNumber } from '@/db/schema';
import { deleteDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { LOOKUP_LIMIT, lookupSerials, traceSerials } from '@/lib/inventory/queries/serial-trace';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

type World = Awaited<ReturnType<typeof seedWorld>>;

/*
 * The trace of a serial through its life: received, sold, back, in transit. Warranties of 1 month (purchase,
 * from January 31: the end is cut to February's last day) and 24 months (sale).
 */
describe('where a serial is, on which documents, and its warranty ends', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
    await db.update(item).set({ purchaseWarrantyMonths: 1, saleWarrantyMonths: 24 }).where(eq(item.id, w.tracked));
  });

  const serialId = async (serial: string, itemId = w.tracked) =>
    (await db.select().from(serialNumber).where(eq(serialNumber.serial, serial))).find((s) => s.itemId === itemId)!.id;
  const trace = async (serial: string) => (await traceSerials(db, [await serialId(serial)]))[0];
  const receive = (serials: string[], date: string, itemId = w.tracked) =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date,
        warehouseId: w.main,
        partnerId: w.supplier,
        lines: [{ itemId, quantity: String(serials.length), serials }],
      },
      w.actor,
    );
  const issue = (serials: string[], date: string) =>
    postDocument(
      db,
      {
        kind: 'goods_issue',
        date,
        warehouseId: w.main,
        partnerId: w.customer,
        lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
      },
      w.actor,
    );

  it('in stock: its receipt, the purchase warranty cut to the month end, no sale warranty yet', async () => {
    const receipt = await receive(['TR-1', 'TR-2', 'TR-3'], '2026-01-31');
    const t = await trace('TR-1');
    expect(t).toMatchObject({
      status: 'in_stock',
      warehouse: { code: 'MAIN' },
      destination: null,
      purchase: { id: String(receipt.id), number: receipt.number, kind: 'goods_receipt', date: '2026-01-31' },
      cameIn: { id: String(receipt.id) },
      wentOut: null,
      sale: null,
      customer: null,
      purchaseWarrantyMonths: 1,
      saleWarrantyMonths: 24,
      purchaseWarrantyEnd: '2026-02-28',
      saleWarrantyEnd: null,
    });
    expect(t.purchase!.partner).toMatchObject({ code: 'SUP', name: 'Supplier' });
  });

  it('sold: the customer, the issue and the sale warranty from its date', async () => {
    const sale = await issue(['TR-1'], '2026-03-31');
    const t = await trace('TR-1');
    expect(t).toMatchObject({
      status: 'issued',
      wentOut: { id: String(sale.id), number: sale.number, kind: 'goods_issue', date: '2026-03-31' },
      sale: { id: String(sale.id) },
      customer: { code: 'CUS', name: 'Customer' },
      purchaseWarrantyEnd: '2026-02-28',
      saleWarrantyEnd: '2028-03-31',
    });
  });

  it('back in stock after it came back: it follows the latest movement, not the last issue', async () => {
    const back = await receive(['TR-1'], '2026-04-15');
    const t = await trace('TR-1');
    expect(t).toMatchObject({
      status: 'in_stock',
      warehouse: { code: 'MAIN' },
      cameIn: { id: String(back.id), date: '2026-04-15' },
      wentOut: null,
      sale: null,
      customer: null,
      saleWarrantyEnd: null,
    });
    // The latest receipt from the supplier is its purchase now.
    expect(t.purchaseWarrantyEnd).toBe('2026-05-15');
  });

  it('an issue deleted puts it back in stock, and the trace says so', async () => {
    const sale = await issue(['TR-2'], '2026-02-10');
    expect((await trace('TR-2')).customer).toMatchObject({ code: 'CUS' });
    await deleteDocument(db, sale.id, w.actor);
    expect(await trace('TR-2')).toMatchObject({ status: 'in_stock', wentOut: null, customer: null });
  });

  it('in transit: the transfer that took it and where to; not a sale', async () => {
    const transfer = await postDocument(
      db,
      {
        kind: 'transfer',
        date: '2026-02-01',
        warehouseId: w.main,
        destinationWarehouseId: w.shop,
        inTransit: true,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['TR-3'] }],
      },
      w.actor,
    );
    expect(await trace('TR-3')).toMatchObject({
      status: 'in_transit',
      warehouse: { code: 'MAIN' },
      destination: { code: 'SHOP' },
      wentOut: { id: String(transfer.id), kind: 'transfer' },
      sale: null,
      customer: null,
      saleWarrantyEnd: null,
      purchaseWarrantyEnd: '2026-02-28',
    });
  });

  it('an item without warranty periods gives no end dates', async () => {
    await receive(['NW-1'], '2026-01-10', w.other);
    expect(await traceSerials(db, [await serialId('NW-1', w.other)])).toMatchObject([
      { purchaseWarrantyMonths: null, purchaseWarrantyEnd: null, saleWarrantyEnd: null },
    ]);
  });

  describe('looking a serial up by its text', () => {
    beforeAll(async () => {
      await receive(['DUP-77'], '2026-01-05');
      await receive(['DUP-77'], '2026-01-06', w.other);
    });

    it('finds the serial as it reads (case, invisible marks, look-alike letters), one per item', async () => {
      // A Cyrillic Т, lower case and a zero-width space: what a person reads as TR-1.
      const found = await lookupSerials(db, '\u0422r-\u200b1');
      expect(found).toMatchObject({ match: 'exact', total: 1, traces: [{ serial: 'TR-1' }] });
      const both = await lookupSerials(db, 'dup-77');
      expect(both.match).toBe('exact');
      expect(both.traces.map((t) => t.item.code).sort()).toEqual(['ACME-1', 'ACME-2']);
      expect((await lookupSerials(db, 'ＤＵＰ－７７')).traces).toHaveLength(2);
      expect((await lookupSerials(db, 'DUP-77\u0410')).match).toBe('none');
    });

    it('with no exact match lists the serials containing the text; an unknown one finds nothing', async () => {
      const part = await lookupSerials(db, 'dup-7');
      expect(part.match).toBe('contains');
      expect(part.traces.map((t) => t.serial)).toEqual(['DUP-77', 'DUP-77']);
      expect(part.total).toBe(2);
      expect(await lookupSerials(db, 'NO-SUCH-SERIAL')).toEqual({ match: 'none', traces: [], total: 0, capped: false });
      expect(await lookupSerials(db, '\u200b ')).toEqual({ match: 'none', traces: [], total: 0, capped: false });
    });

    it('lists a page of the serials containing the text, counting them all', async () => {
      const many = Array.from({ length: LOOKUP_LIMIT + 5 }, (_, i) => `MANY-${String(i).padStart(3, '0')}`);
      await receive(many, '2026-01-07');
      const found = await lookupSerials(db, 'many');
      expect(found).toMatchObject({ match: 'contains', total: LOOKUP_LIMIT + 5, capped: false });
      expect(found.traces.map((t) => t.serial)).toEqual(many.slice(0, LOOKUP_LIMIT));
    });
  });
});
