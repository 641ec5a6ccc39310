import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { document, serialMovement, serialNumber, stockLevel } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { documentBlockers } from '@/lib/inventory/correction';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import type { InventoryRuleError } from '@/lib/inventory/problems';
import type { DocumentInput } from '@/lib/validation/documents';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('returns: customer returns, credit notes and returns to the supplier', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const lines = (serials: string[], metres?: string) => [
    ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials, unitPrice: '10' }] : []),
    ...(metres ? [{ itemId: w.plain, quantity: metres, unitPrice: '2' }] : []),
  ];
  const receive = (serials: string[], metres = '10', date = '2026-03-01') =>
    postDocument(
      db,
      { kind: 'goods_receipt', date, warehouseId: w.main, partnerId: w.supplier, lines: lines(serials, metres) },
      w.actor,
    );
  const sell = (serials: string[], metres?: string, date = '2026-03-02') =>
    postDocument(
      db,
      {
        kind: 'sales_invoice',
        date,
        warehouseId: w.main,
        partnerId: w.customer,
        createStockDocument: true,
        lines: lines(serials, metres),
      },
      w.actor,
    );
  const issue = (serials: string[], metres?: string, date = '2026-03-02') =>
    postDocument(db, { kind: 'goods_issue', date, warehouseId: w.main, lines: lines(serials, metres) }, w.actor);
  const customerReturn = (
    returnOfId: bigint,
    serials: string[],
    metres?: string,
    more: Partial<DocumentInput> = {},
  ): DocumentInput => ({
    kind: 'customer_return',
    date: '2026-03-05',
    warehouseId: w.shop,
    returnOfId,
    lines: lines(serials, metres),
    ...more,
  });
  const giveBack = (returnOfId: bigint, serials: string[], metres?: string, more: Partial<DocumentInput> = {}) =>
    postDocument(db, customerReturn(returnOfId, serials, metres, more), w.actor);
  const stockOf = async (itemId: bigint, warehouseId: bigint) =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, itemId), eq(stockLevel.warehouseId, warehouseId)))
    )[0]?.quantity ?? '0';
  const serial = async (text: string) => (await db.select().from(serialNumber).where(eq(serialNumber.serial, text)))[0];
  const history = async (text: string) => {
    const s = await serial(text);
    return (
      await db
        .select({ kind: document.kind, direction: serialMovement.direction })
        .from(serialMovement)
        .innerJoin(document, eq(document.id, serialMovement.documentId))
        .where(eq(serialMovement.serialId, s.id))
        .orderBy(asc(serialMovement.id))
    ).map((m) => `${m.kind}:${m.direction}`);
  };
  const refusal = async (work: Promise<unknown>) =>
    (await work.then(
      () => {
        throw new Error('not refused');
      },
      (e: unknown) => e,
    )) as InventoryRuleError;
  const invariantsHold = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('takes back sold serials into a warehouse; the history reads sold, returned, and it can be sold again', async () => {
    await receive(['CR-1', 'CR-2', 'CR-3']);
    const gi = await issue(['CR-1', 'CR-2'], '4');
    const shopBefore = Number(await stockOf(w.plain, w.shop));
    const cr = await giveBack(gi.id, ['cr-1'], '1');
    expect(cr.number).toMatch(/^CR-2026-\d{5}$/);
    expect(await serial('CR-1')).toMatchObject({ status: 'in_stock', warehouseId: w.shop, issuedLineId: null });
    expect(await serial('CR-2')).toMatchObject({ status: 'issued' });
    expect(Number(await stockOf(w.plain, w.shop)) - shopBefore).toBe(1);
    const [row] = await db.select().from(document).where(eq(document.id, cr.id));
    expect(row).toMatchObject({ kind: 'customer_return', returnOfId: gi.id });
    // Sold again from the shop, where it came back.
    await postDocument(
      db,
      { kind: 'goods_issue', date: '2026-03-06', warehouseId: w.shop, lines: lines(['CR-1']) },
      w.actor,
    );
    expect(await history('CR-1')).toEqual([
      'goods_receipt:in',
      'goods_issue:out',
      'customer_return:in',
      'goods_issue:out',
    ]);
    await invariantsHold();
  }, 20_000);

  it('takes back only what left with that document and is still out, once; counted goods up to what it issued', async () => {
    await receive(['ON-1', 'ON-2', 'ON-3']);
    const gi = await issue(['ON-1', 'ON-2'], '5');
    const other = await issue(['ON-3']);
    await giveBack(gi.id, ['ON-1'], '3');
    const wrong = await refusal(giveBack(gi.id, ['ON-1', 'ON-3', 'ON-9']));
    expect(wrong.problems.map((p) => [p.code, p.serial])).toEqual([
      ['NOT_RETURNABLE', 'ON-1'],
      ['NOT_RETURNABLE', 'ON-3'],
      ['NOT_RETURNABLE', 'ON-9'],
    ]);
    expect(wrong.problems[1].message).toBe(
      `Serial ON-3 of item ACME-1 did not leave with ${gi.number} or is back already: it was issued by ${other.number}.`,
    );
    expect(wrong.problems[2].message).toBe(
      `Serial ON-9 of item ACME-1 did not leave with ${gi.number} or is back already: it was never received.`,
    );
    const tooMuch = await refusal(giveBack(gi.id, [], '3'));
    expect(tooMuch.problems[0]).toMatchObject({
      code: 'RETURN_EXCEEDED',
      line: 0,
      message: `${gi.number} moved 5 m of CABLE: with this return 6 m would have gone back, more than moved with it.`,
    });
    await giveBack(gi.id, [], '2');
    await invariantsHold();
  }, 20_000);

  it('refuses a return without its document, of the wrong kind, dated before it or for another partner', async () => {
    await receive(['VA-1']);
    const si = await sell(['VA-1']);
    await expect(postDocument(db, { ...customerReturn(si.id, ['VA-1']), returnOfId: null }, w.actor)).rejects.toThrow(
      'Choose the document the goods are returned on (a sales invoice or goods issue).',
    );
    const gr = await receive([], '1');
    await expect(giveBack(gr.id, [], '1')).rejects.toThrow(
      `${gr.number} is a goods receipt: choose a sales invoice or goods issue.`,
    );
    await expect(giveBack(si.id, ['VA-1'], undefined, { date: '2026-03-01' })).rejects.toThrow(
      `Goods cannot be returned on 2026-03-01, before ${si.number} of 2026-03-02.`,
    );
    await expect(giveBack(si.id, ['VA-1'], undefined, { partnerId: w.supplier })).rejects.toThrow(
      `${si.number} was for another partner: goods go back to the one they came from.`,
    );
    const noGoods = await postDocument(
      db,
      {
        kind: 'sales_invoice',
        date: '2026-03-02',
        warehouseId: w.main,
        partnerId: w.customer,
        createStockDocument: false,
        lines: lines([], '1'),
      },
      w.actor,
    );
    await expect(giveBack(noGoods.id, [], '1')).rejects.toThrow(`${noGoods.number} has no goods document`);
  });

  it('returns on a sales invoice or on its goods issue count together', async () => {
    await receive(['SI-A', 'SI-B'], '4');
    const si = await sell(['SI-A', 'SI-B'], '4');
    await giveBack(si.id, ['SI-A'], '2');
    await giveBack(si.stockDocument!.id, ['SI-B'], '2');
    const tooMuch = await refusal(giveBack(si.id, [], '1'));
    expect(tooMuch.problems[0].code).toBe('RETURN_EXCEEDED');
    await invariantsHold();
  });

  it('pins the original: its stock cannot change nor can it be deleted until the return is, corrections stay open', async () => {
    await receive(['PIN-1', 'PIN-2']);
    const si = await sell(['PIN-1', 'PIN-2']);
    const cr = await giveBack(si.id, ['PIN-1']);
    const deleted = await refusal(deleteDocument(db, si.id, w.actor));
    expect(deleted.problems[0]).toMatchObject({
      code: 'MOVED_LATER',
      blockedBy: { id: String(cr.id), number: cr.number, kind: 'customer_return' },
      message: `${si.number} cannot be changed or deleted: ${cr.number} returns goods that moved with it; change or delete ${cr.number} first.`,
    });
    const sale = {
      kind: 'sales_invoice' as const,
      date: '2026-03-02',
      warehouseId: w.main,
      partnerId: w.customer,
      createStockDocument: true,
    };
    await expect(updateDocument(db, si.id, { ...sale, lines: lines(['PIN-2']) }, w.actor)).rejects.toThrow(
      `${cr.number} returns goods that moved with it`,
    );
    await updateDocument(db, si.id, { ...sale, note: 'corrected', lines: lines(['PIN-1', 'PIN-2']) }, w.actor);
    expect((await documentBlockers(db, si.id)).map((b) => b.number)).toContain(cr.number);
    // Deleting the return puts the serial back out with the sale; then the sale can go.
    await deleteDocument(db, cr.id, w.actor);
    expect(await serial('PIN-1')).toMatchObject({ status: 'issued', warehouseId: w.main });
    await deleteDocument(db, si.id, w.actor);
    expect(await serial('PIN-1')).toMatchObject({ status: 'in_stock', warehouseId: w.main });
    await invariantsHold();
  });

  it('a return is edited against the same document: other eligible serials yes, another document no', async () => {
    await receive(['ED-1', 'ED-2']);
    const gi = await issue(['ED-1', 'ED-2'], '2');
    const other = await issue([], '1');
    const cr = await giveBack(gi.id, ['ED-1']);
    await updateDocument(db, cr.id, customerReturn(gi.id, ['ED-2'], '2'), w.actor);
    expect(await serial('ED-1')).toMatchObject({ status: 'issued' });
    expect(await serial('ED-2')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await expect(updateDocument(db, cr.id, customerReturn(other.id, [], '1'), w.actor)).rejects.toThrow(
      `${cr.number} stays on the document it returns goods of`,
    );
    await expect(updateDocument(db, cr.id, customerReturn(gi.id, ['ED-2'], '3'), w.actor)).rejects.toThrow(
      'with this return 3 m would have gone back',
    );
    await invariantsHold();
  });

  it('a credit note creates its customer return in the same transaction and keeps it in step', async () => {
    await receive(['CN-1', 'CN-2']);
    const si = await sell(['CN-1', 'CN-2'], '3');
    const note = (serials: string[], metres?: string, createStockDocument = true): DocumentInput => ({
      kind: 'credit_note',
      date: '2026-03-07',
      warehouseId: w.main,
      partnerId: w.customer,
      returnOfId: si.id,
      createStockDocument,
      lines: lines(serials, metres),
    });
    const cn = await postDocument(db, note(['CN-1'], '1'), w.actor);
    expect(cn.number).toMatch(/^CN-2026-\d{5}$/);
    expect(cn.stockDocument?.number).toMatch(/^CR-2026-\d{5}$/);
    const [cr] = await db.select().from(document).where(eq(document.id, cn.stockDocument!.id));
    expect(cr).toMatchObject({ kind: 'customer_return', returnOfId: si.id, sourceInvoiceId: cn.id });
    expect(await serial('CN-1')).toMatchObject({ status: 'in_stock' });
    // A refused return refuses the credit note: nothing of it is written.
    await expect(postDocument(db, note(['CN-1']), w.actor)).rejects.toThrow('is back already');
    await updateDocument(db, cn.id, note(['CN-2'], '1'), w.actor);
    expect([(await serial('CN-1')).status, (await serial('CN-2')).status]).toEqual(['issued', 'in_stock']);
    await updateDocument(db, cn.id, note([], '1', false), w.actor);
    expect((await serial('CN-2')).status).toBe('issued');
    await expect(deleteDocument(db, si.id, w.actor)).rejects.toThrow(`${cn.number} returns goods`);
    await deleteDocument(db, cn.id, w.actor);
    await invariantsHold();
  });

  it('a return to the supplier sends back what that receipt brought and is still in stock', async () => {
    const gr = await receive(['SR-1', 'SR-2', 'SR-3'], '5');
    const later = await receive(['SR-9'], '1');
    await issue(['SR-3']);
    const back = (serials: string[], metres?: string, returnOfId = gr.id, warehouseId = w.main) =>
      postDocument(
        db,
        {
          kind: 'supplier_return',
          date: '2026-03-08',
          warehouseId,
          returnOfId,
          partnerId: w.supplier,
          lines: lines(serials, metres),
        },
        w.actor,
      );
    const mainBefore = Number(await stockOf(w.plain, w.main));
    const sr = await back(['SR-1'], '2');
    expect(sr.number).toMatch(/^SR-2026-\d{5}$/);
    expect(await serial('SR-1')).toMatchObject({ status: 'issued' });
    expect(mainBefore - Number(await stockOf(w.plain, w.main))).toBe(2);
    const wrong = await refusal(back(['SR-1', 'SR-3', 'SR-9']));
    expect(wrong.problems.map((p) => [p.code, p.serial])).toEqual([
      ['NOT_RETURNABLE', 'SR-1'],
      ['NOT_RETURNABLE', 'SR-3'],
      ['NOT_RETURNABLE', 'SR-9'],
    ]);
    expect(wrong.problems[2].message).toBe(
      `Serial SR-9 of item ACME-1 did not come with ${gr.number} or is not in stock in warehouse MAIN: it is in stock in warehouse MAIN (${later.number}).`,
    );
    await expect(back([], '4')).rejects.toThrow(`${gr.number} moved 5 m of CABLE`);
    await expect(deleteDocument(db, gr.id, w.actor)).rejects.toThrow(`${sr.number} returns goods`);
    // A customer return cannot name a receipt, nor a return to the supplier a sale.
    await expect(back([], '1', (await issue([], '1')).id)).rejects.toThrow(
      'choose a purchase invoice or goods receipt',
    );
    await deleteDocument(db, sr.id, w.actor);
    expect(await serial('SR-1')).toMatchObject({ status: 'in_stock', warehouseId: w.main });
    await invariantsHold();
  });
});
