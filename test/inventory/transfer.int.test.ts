import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, document, documentLine, item, serialMovement, serialNumber, stockLevel } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { documentBlockers } from '@/lib/inventory/correction';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import type { InventoryRuleError } from '@/lib/inventory/problems';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('transfers between warehouses', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const receive = (serials: string[], date = '2026-03-01', warehouseId = w.main, cable = '10') =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date,
        warehouseId,
        lines: [
          { itemId: w.tracked, quantity: String(serials.length), serials },
          { itemId: w.plain, quantity: cable },
        ],
      },
      w.actor,
    );
  const transferInput = (
    serials: string[],
    more: { date?: string; from?: bigint; to?: bigint; cable?: string; note?: string } = {},
  ) => ({
    kind: 'transfer' as const,
    date: more.date ?? '2026-03-05',
    warehouseId: more.from ?? w.main,
    destinationWarehouseId: more.to ?? w.shop,
    note: more.note,
    lines: [
      ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials }] : []),
      ...(more.cable ? [{ itemId: w.plain, quantity: more.cable }] : []),
    ],
  });
  const transfer = (serials: string[], more: Parameters<typeof transferInput>[1] = {}) =>
    postDocument(db, transferInput(serials, more), w.actor);
  const issue = (serials: string[], warehouseId: bigint, date = '2026-03-10') =>
    postDocument(
      db,
      {
        kind: 'goods_issue',
        date,
        warehouseId,
        lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
      },
      w.actor,
    );
  const stockOf = async (itemId: bigint, warehouseId: bigint) =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, itemId), eq(stockLevel.warehouseId, warehouseId)))
    )[0]?.quantity ?? '0';
  const serial = async (text: string) => (await db.select().from(serialNumber).where(eq(serialNumber.serial, text)))[0];
  const lineOf = async (documentId: bigint) =>
    (
      await db.select().from(documentLine).where(eq(documentLine.documentId, documentId)).orderBy(documentLine.lineNo)
    )[0];
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, 'refused').not.toBeNull();
    return error as InventoryRuleError;
  };
  const invariantsHold = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('moves serials and counted goods from one warehouse to the other in one document', async () => {
    const gr = await receive(['T-1', 'T-2', 'T-3']);
    const tr = await transfer(['T-1', 't-2'], { cable: '4' });
    expect(tr.number).toMatch(/^TR-2026-\d{5}$/);
    expect([await stockOf(w.tracked, w.main), await stockOf(w.tracked, w.shop)]).toEqual(['1.000', '2.000']);
    expect([await stockOf(w.plain, w.main), await stockOf(w.plain, w.shop)]).toEqual(['6.000', '4.000']);
    const moved = await serial('T-2');
    const trLine = await lineOf(tr.id);
    expect(moved).toMatchObject({
      status: 'in_stock',
      warehouseId: w.shop,
      receivedLineId: trLine.id,
      issuedLineId: null,
      lastMovedOn: '2026-03-05',
    });
    expect(await serial('T-3')).toMatchObject({ warehouseId: w.main, receivedLineId: (await lineOf(gr.id)).id });
    const history = await db
      .select()
      .from(serialMovement)
      .where(eq(serialMovement.serialId, moved.id))
      .orderBy(serialMovement.id);
    expect(history.map((m) => [m.documentId, m.direction, m.warehouseId])).toEqual([
      [gr.id, 'in', w.main],
      [tr.id, 'move', w.main],
    ]);
    const [created] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, tr.id), eq(auditLog.action, 'create')));
    expect(JSON.parse(created.changes).after).toMatchObject({
      warehouseId: String(w.main),
      destinationWarehouseId: String(w.shop),
    });
    await invariantsHold();
  });

  it('takes only serials in stock in the source warehouse, saying where each one is', async () => {
    await receive(['S-1', 'S-2']);
    await transfer(['S-1']);
    await issue(['S-2'], w.main);
    const error = await refusal(transfer(['S-1', 'S-2', 'S-9', 'S-3']));
    expect(error.problems.map((p) => [p.code, p.message])).toEqual([
      ['NOT_IN_STOCK', 'Serial S-1 of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.'],
      [
        'NOT_IN_STOCK',
        expect.stringMatching(
          /^Serial S-2 of item ACME-1 is not in stock in warehouse MAIN: already issued by GI-2026-\d{5}\.$/,
        ),
      ],
      ['NOT_IN_STOCK', 'Serial S-9 of item ACME-1 is not in stock in warehouse MAIN: it was never received.'],
      ['NOT_IN_STOCK', 'Serial S-3 of item ACME-1 is not in stock in warehouse MAIN: it was never received.'],
    ]);
    await expect(transfer([], { cable: '1000' })).rejects.toThrow('Not enough stock of CABLE in warehouse MAIN');
    await invariantsHold();
  });

  it('refuses a transfer without a destination, to its own warehouse, or with a partner', async () => {
    await receive(['V-1']);
    await expect(
      postDocument(db, { ...transferInput(['V-1']), destinationWarehouseId: null }, w.actor),
    ).rejects.toMatchObject({
      fieldErrors: { destinationWarehouseId: 'Choose the destination warehouse.' },
    });
    await expect(transfer(['V-1'], { to: w.main })).rejects.toMatchObject({
      fieldErrors: { destinationWarehouseId: 'The destination must be another warehouse than the source.' },
    });
    await expect(postDocument(db, { ...transferInput(['V-1']), partnerId: w.customer }, w.actor)).rejects.toMatchObject(
      {
        fieldErrors: { partnerId: 'A transfer has no partner.' },
      },
    );
    await expect(
      postDocument(
        db,
        {
          kind: 'goods_receipt',
          date: '2026-03-01',
          warehouseId: w.main,
          destinationWarehouseId: w.shop,
          lines: [{ itemId: w.plain, quantity: '1' }],
        },
        w.actor,
      ),
    ).rejects.toMatchObject({
      fieldErrors: { destinationWarehouseId: 'Only a transfer has a destination warehouse.' },
    });
  });

  it('keeps a serial’s history in date order', async () => {
    await receive(['C-1'], '2026-04-10');
    await expect(transfer(['C-1'], { date: '2026-04-01' })).rejects.toThrow(
      /Serial C-1 of item ACME-1 cannot be transferred on 2026-04-01: it was received on 2026-04-10 by GR-2026-\d{5}\./,
    );
    await transfer(['C-1'], { date: '2026-04-12' });
    await expect(issue(['C-1'], w.shop, '2026-04-11')).rejects.toThrow(
      /cannot be issued on 2026-04-11: it was transferred there on 2026-04-12 by TR-2026-\d{5}/,
    );
    await issue(['C-1'], w.shop, '2026-04-12');
  });

  it('is pinned by a later issue of its serial, and pins the receipt before it', async () => {
    const gr = await receive(['P-1', 'P-2']);
    const tr = await transfer(['P-1']);
    const grRefusal = await refusal(deleteDocument(db, gr.id, w.actor));
    expect(grRefusal.problems[0]).toMatchObject({
      code: 'MOVED_LATER',
      serial: 'P-1',
      blockedBy: { id: String(tr.id), number: tr.number, kind: 'transfer' },
    });
    expect(grRefusal.message).toBe(
      `${gr.number} cannot be changed or deleted: serial P-1 was transferred later by ${tr.number}; change or delete ${tr.number} first.`,
    );
    const gi = await issue(['P-1'], w.shop);
    expect((await documentBlockers(db, tr.id)).map((b) => b.number)).toEqual([gi.number]);
    const trRefusal = await refusal(deleteDocument(db, tr.id, w.actor));
    expect(trRefusal.problems[0]).toMatchObject({
      code: 'ISSUED_LATER',
      serial: 'P-1',
      blockedBy: { number: gi.number, kind: 'goods_issue' },
    });
    await expect(updateDocument(db, tr.id, transferInput(['P-2']), w.actor)).rejects.toThrow(
      `serial P-1 was issued later by ${gi.number}`,
    );
    // What no stock rests on stays correctable.
    await updateDocument(db, tr.id, transferInput(['P-1'], { note: 'by van' }), w.actor);
    expect((await db.select().from(document).where(eq(document.id, tr.id)))[0].note).toBe('by van');
    await invariantsHold();
  });

  it('undone by a delete, puts each serial back as it arrived in the source', async () => {
    const gr = await receive(['U-1', 'U-2'], '2026-02-01');
    const there = await transfer(['U-1'], { date: '2026-02-03', cable: '2' });
    const back = await transfer(['U-1'], { date: '2026-02-04', from: w.shop, to: w.main });
    expect((await serial('U-1')).receivedLineId).toBe((await lineOf(back.id)).id);
    await deleteDocument(db, back.id, w.actor);
    expect(await serial('U-1')).toMatchObject({
      warehouseId: w.shop,
      receivedLineId: (await lineOf(there.id)).id,
      lastMovedOn: '2026-02-03',
    });
    await deleteDocument(db, there.id, w.actor);
    expect(await serial('U-1')).toMatchObject({
      status: 'in_stock',
      warehouseId: w.main,
      receivedLineId: (await lineOf(gr.id)).id,
      lastMovedOn: '2026-02-01',
    });
    expect(await db.select().from(serialMovement).where(eq(serialMovement.documentId, there.id))).toEqual([]);
    await invariantsHold();
  });

  it('edits swap serials, re-date and re-route, judged by the result', async () => {
    await receive(['E-1', 'E-2'], '2026-05-01');
    const tr = await transfer(['E-1'], { date: '2026-05-02' });
    await updateDocument(db, tr.id, transferInput(['E-2'], { date: '2026-05-03' }), w.actor);
    expect(await serial('E-1')).toMatchObject({ warehouseId: w.main, lastMovedOn: '2026-05-01' });
    expect(await serial('E-2')).toMatchObject({ warehouseId: w.shop, lastMovedOn: '2026-05-03' });
    // Re-routed the other way round: the serial it takes must now be in the shop.
    await expect(
      updateDocument(db, tr.id, transferInput(['E-1'], { from: w.shop, to: w.main }), w.actor),
    ).rejects.toThrow('Serial E-1 of item ACME-1 is not in stock in warehouse SHOP: it is in warehouse MAIN.');
    await invariantsHold();
  });

  it('counted goods may not go below zero at any date in either warehouse', async () => {
    const [{ id: wire }] = await db
      .insert(item)
      .values(withCodeKeys([{ code: 'WIRE', name: 'Wire', unit: 'm', trackSerials: false }]))
      .returning({ id: item.id });
    const move = (date: string, more: { from?: bigint; to?: bigint } = {}) => ({
      ...transferInput([], { date, ...more }),
      lines: [{ itemId: wire, quantity: '5' }],
    });
    await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-07-10', warehouseId: w.main, lines: [{ itemId: wire, quantity: '5' }] },
      w.actor,
    );
    // Back-dated before the goods arrived in the source: refused.
    await expect(postDocument(db, move('2026-07-01'), w.actor)).rejects.toThrow(
      'Not enough stock of WIRE in warehouse MAIN on 2026-07-01: it would fall to -5 m on 2026-07-01',
    );
    const tr = await postDocument(db, move('2026-07-11'), w.actor);
    expect([await stockOf(wire, w.main), await stockOf(wire, w.shop)]).toEqual(['0.000', '5.000']);
    const gi = await postDocument(
      db,
      { kind: 'goods_issue', date: '2026-07-12', warehouseId: w.shop, lines: [{ itemId: wire, quantity: '5' }] },
      w.actor,
    );
    // The shop used what the transfer brought: neither deleting nor re-dating it after the issue may stand.
    await expect(deleteDocument(db, tr.id, w.actor)).rejects.toThrow(
      `${tr.number} cannot be changed or deleted: stock of WIRE in warehouse SHOP would go below zero`,
    );
    await expect(updateDocument(db, tr.id, move('2026-07-13'), w.actor)).rejects.toThrow(
      `${tr.number} cannot be changed or deleted: stock of WIRE in warehouse SHOP would fall to -5 m on 2026-07-12`,
    );
    await deleteDocument(db, gi.id, w.actor);
    await deleteDocument(db, tr.id, w.actor);
    expect([await stockOf(wire, w.main), await stockOf(wire, w.shop)]).toEqual(['5.000', '0.000']);
    await invariantsHold();
  });

  it('a serial that left after a transfer and came back keeps its history when the return is undone', async () => {
    await receive(['B-1'], '2026-08-01');
    const tr = await transfer(['B-1'], { date: '2026-08-02' });
    await issue(['B-1'], w.shop, '2026-08-03');
    const back = await receive(['B-1'], '2026-08-04', w.shop, '1');
    await deleteDocument(db, back.id, w.actor);
    expect(await serial('B-1')).toMatchObject({
      status: 'issued',
      warehouseId: w.shop,
      receivedLineId: (await lineOf(tr.id)).id,
    });
    await invariantsHold();
  });

  it('the invariants see a transfer whose serial state drifted', async () => {
    await receive(['X-1']);
    const tr = await transfer(['X-1']);
    await db.execute(sql`update serial_number set warehouse_id = ${w.main} where serial = 'X-1'`);
    const broken = (await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0).map((c) => c.name);
    expect(broken).toEqual(
      expect.arrayContaining(['serial status and warehouse = its last movement', 'tracked stock = serials in stock']),
    );
    await db.execute(sql`update serial_number set warehouse_id = ${w.shop} where serial = 'X-1'`);
    const [{ n }] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from serial_movement where document_id = ${tr.id}`,
    );
    expect(n).toBe(1);
    await invariantsHold();
  });
});
