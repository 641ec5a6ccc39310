import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { document, documentLine, item, serialMovement, serialNumber, stockLevel } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { isDomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { documentBlockers } from '@/lib/inventory/correction';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import type { InventoryRuleError } from '@/lib/inventory/problems';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('transfers in transit and their arrivals', async () => {
  const { db, url } = await useTestDatabase();
  let w: World;
  let wire: bigint;
  beforeAll(async () => {
    w = await seedWorld(db);
    [{ id: wire }] = await db
      .insert(item)
      .values(withCodeKeys([{ code: 'WIRE', name: 'Wire', unit: 'm', trackSerials: false }]))
      .returning({ id: item.id });
  });

  const receive = (serials: string[], metres = '10', date = '2026-05-01') =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date,
        warehouseId: w.main,
        lines: [
          { itemId: w.tracked, quantity: String(serials.length), serials },
          { itemId: wire, quantity: metres },
        ],
      },
      w.actor,
    );
  const lines = (serials: string[], metres?: string) => [
    ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials }] : []),
    ...(metres ? [{ itemId: wire, quantity: metres }] : []),
  ];
  const sendInput = (serials: string[], metres?: string, date = '2026-05-02') => ({
    kind: 'transfer' as const,
    date,
    warehouseId: w.main,
    destinationWarehouseId: w.shop,
    inTransit: true,
    lines: lines(serials, metres),
  });
  const send = (serials: string[], metres?: string, date?: string) =>
    postDocument(db, sendInput(serials, metres, date), w.actor);
  const arrivalInput = (transferId: bigint, serials: string[], metres?: string, date = '2026-05-04') => ({
    kind: 'transfer_arrival' as const,
    date,
    warehouseId: w.shop,
    transferId,
    lines: lines(serials, metres),
  });
  const arrive = (transferId: bigint, serials: string[], metres?: string, date?: string) =>
    postDocument(db, arrivalInput(transferId, serials, metres, date), w.actor);
  const stockOf = async (itemId: bigint, warehouseId: bigint) =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, itemId), eq(stockLevel.warehouseId, warehouseId)))
    )[0]?.quantity ?? '0';
  const serial = async (text: string) => (await db.select().from(serialNumber).where(eq(serialNumber.serial, text)))[0];
  const firstLine = async (documentId: bigint) =>
    (
      await db.select().from(documentLine).where(eq(documentLine.documentId, documentId)).orderBy(documentLine.lineNo)
    )[0];
  const refusal = async (work: Promise<unknown>) =>
    (await work.then(
      () => {
        throw new Error('not refused');
      },
      (e: unknown) => e,
    )) as InventoryRuleError;
  const invariantsHold = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('sends goods in transit: they leave the source, arrive nowhere yet, and the serials say so', async () => {
    await receive(['IT-1', 'IT-2', 'IT-3']);
    const tr = await send(['IT-1', 'IT-2', 'IT-3'], '6');
    expect(tr.number).toMatch(/^TR-2026-\d{5}$/);
    expect([await stockOf(wire, w.main), await stockOf(wire, w.shop)]).toEqual(['4.000', '0']);
    expect([await stockOf(w.tracked, w.main), await stockOf(w.tracked, w.shop)]).toEqual(['0.000', '0']);
    expect(await serial('IT-2')).toMatchObject({
      status: 'in_transit',
      warehouseId: w.main,
      issuedLineId: (await firstLine(tr.id)).id,
      lastMovedOn: '2026-05-02',
    });
    const [moved] = await db.select().from(serialMovement).where(eq(serialMovement.documentId, tr.id)).limit(1);
    expect(moved).toMatchObject({ direction: 'out', warehouseId: w.main });
    // On its way it can be neither issued nor received by anything but an arrival of its transfer.
    await expect(
      postDocument(
        db,
        { kind: 'goods_issue', date: '2026-05-03', warehouseId: w.main, lines: lines(['IT-1']) },
        w.actor,
      ),
    ).rejects.toThrow(
      `Serial IT-1 of item ACME-1 is not in stock in warehouse MAIN: it is in transit on ${tr.number}.`,
    );
    const received = await refusal(
      postDocument(
        db,
        { kind: 'goods_receipt', date: '2026-05-03', warehouseId: w.shop, lines: lines(['IT-1']) },
        w.actor,
      ),
    );
    expect(received.problems[0]).toMatchObject({
      code: 'IN_TRANSIT',
      message: `Serial IT-1 of item ACME-1 cannot be received: it is in transit on ${tr.number}, and arrives with an arrival of that transfer.`,
    });
    await invariantsHold();
  });

  it('an arrival receives what came at the destination; what did not stays in transit', async () => {
    await receive(['AR-1', 'AR-2', 'AR-3']);
    const tr = await send(['AR-1', 'AR-2', 'AR-3'], '5');
    const shopBefore = Number(await stockOf(wire, w.shop));
    const ta = await arrive(tr.id, ['AR-1', 'ar-3'], '3');
    expect(ta.number).toMatch(/^TA-2026-\d{5}$/);
    expect(Number(await stockOf(wire, w.shop)) - shopBefore).toBe(3);
    expect(await serial('AR-1')).toMatchObject({
      status: 'in_stock',
      warehouseId: w.shop,
      receivedLineId: (await firstLine(ta.id)).id,
      issuedLineId: null,
      lastMovedOn: '2026-05-04',
    });
    expect(await serial('AR-2')).toMatchObject({ status: 'in_transit', warehouseId: w.main });
    const [arrival] = await db.select().from(document).where(eq(document.id, ta.id));
    expect(arrival).toMatchObject({ kind: 'transfer_arrival', transferId: tr.id, warehouseId: w.shop });
    await invariantsHold();

    // More than is left in transit, a serial the transfer did not send or that arrived already: refused, nothing
    // written.
    const tooMuch = await refusal(arrive(tr.id, [], '3'));
    expect(tooMuch.problems[0]).toMatchObject({
      code: 'TRANSIT_EXCEEDED',
      line: 0,
      message: `${tr.number} sent 5 m of WIRE: with this arrival 6 m would have arrived, more than was in transit.`,
    });
    const wrong = await refusal(arrive(tr.id, ['AR-1', 'IT-9', 'IT-1']));
    expect(wrong.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'NOT_IN_TRANSIT',
        expect.stringMatching(
          new RegExp(
            `^Serial AR-1 of item ACME-1 is not in transit on ${tr.number}: it is in stock in warehouse SHOP \\(TA-2026-\\d{5}\\)\\.$`,
          ),
        ),
      ],
      ['NOT_IN_TRANSIT', `Serial IT-9 of item ACME-1 is not in transit on ${tr.number}: it was never received.`],
      [
        'NOT_IN_TRANSIT',
        expect.stringMatching(
          new RegExp(
            `^Serial IT-1 of item ACME-1 is not in transit on ${tr.number}: it is in transit on TR-2026-\\d{5}\\.$`,
          ),
        ),
      ],
    ]);
    // The rest arrives later: nothing is left in transit.
    await arrive(tr.id, ['AR-2'], '2', '2026-05-06');
    expect(await serial('AR-2')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await invariantsHold();
  });

  it('an arrival is received in the transfer’s destination, not before it was sent, and only of a transfer in transit', async () => {
    await receive(['AD-1', 'AD-2']);
    const tr = await send(['AD-1'], undefined, '2026-05-05');
    await expect(arrive(tr.id, ['AD-1'], undefined, '2026-05-04')).rejects.toMatchObject({
      fieldErrors: { date: `Goods cannot arrive on 2026-05-04, before ${tr.number} sent them on 2026-05-05.` },
    });
    await expect(
      postDocument(db, { ...arrivalInput(tr.id, ['AD-1']), warehouseId: w.main }, w.actor),
    ).rejects.toMatchObject({
      fieldErrors: { warehouseId: `${tr.number} goes to warehouse SHOP: its goods arrive there.` },
    });
    const direct = await postDocument(db, { ...sendInput(['AD-2']), inTransit: false }, w.actor);
    await expect(arrive(direct.id, ['AD-2'])).rejects.toMatchObject({
      fieldErrors: { transferId: `${direct.number} was not sent in transit: its goods arrived with it.` },
    });
    await expect(
      postDocument(db, { ...arrivalInput(tr.id, ['AD-1']), transferId: null }, w.actor),
    ).rejects.toMatchObject({
      fieldErrors: { transferId: 'Choose the transfer that arrived.' },
    });
  });

  it('arrivals pin their transfer; deleting them puts their goods back in transit, then the transfer can go', async () => {
    await receive(['PN-1', 'PN-2'], '4');
    const tr = await send(['PN-1', 'PN-2'], '4');
    const ta = await arrive(tr.id, ['PN-1'], '1');
    expect((await documentBlockers(db, tr.id)).map((b) => b.number)).toEqual([ta.number]);
    const deleting = await refusal(deleteDocument(db, tr.id, w.actor));
    expect(deleting.problems[0]).toMatchObject({
      code: 'MOVED_LATER',
      blockedBy: { id: String(ta.id), number: ta.number, kind: 'transfer_arrival' },
    });
    expect(deleting.message).toBe(
      `${tr.number} cannot be changed or deleted: ${ta.number} received its goods at the destination; change or delete ${ta.number} first.`,
    );
    await expect(updateDocument(db, tr.id, { ...sendInput(['PN-2'], '4'), note: 'x' }, w.actor)).rejects.toThrow(
      `${ta.number} received its goods at the destination`,
    );
    await updateDocument(db, tr.id, { ...sendInput(['PN-1', 'PN-2'], '4'), note: 'van 3' }, w.actor);
    // An arrival is edited under its transfer's lock: it may take what is still in transit, and give it back.
    await updateDocument(db, ta.id, arrivalInput(tr.id, ['PN-1', 'PN-2'], '1'), w.actor);
    expect(await serial('PN-2')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await updateDocument(db, ta.id, { ...arrivalInput(tr.id, ['PN-1'], '1'), note: 'checked' }, w.actor);
    expect(await serial('PN-2')).toMatchObject({ status: 'in_transit', warehouseId: w.main });

    const shop = await stockOf(wire, w.shop);
    await deleteDocument(db, ta.id, w.actor);
    expect(Number(shop) - Number(await stockOf(wire, w.shop))).toBe(1);
    expect(await serial('PN-1')).toMatchObject({
      status: 'in_transit',
      warehouseId: w.main,
      issuedLineId: (await firstLine(tr.id)).id,
      lastMovedOn: '2026-05-02',
    });
    const main = await stockOf(wire, w.main);
    await deleteDocument(db, tr.id, w.actor);
    expect(Number(await stockOf(wire, w.main)) - Number(main)).toBe(4);
    expect(await serial('PN-2')).toMatchObject({
      status: 'in_stock',
      warehouseId: w.main,
      issuedLineId: null,
      lastMovedOn: '2026-05-01',
    });
    await invariantsHold();
  });

  it('an arrival whose serial was issued at the destination is pinned by that issue', async () => {
    await receive(['PI-1']);
    const tr = await send(['PI-1']);
    const ta = await arrive(tr.id, ['PI-1']);
    const gi = await postDocument(
      db,
      { kind: 'goods_issue', date: '2026-05-05', warehouseId: w.shop, lines: lines(['PI-1']) },
      w.actor,
    );
    await expect(deleteDocument(db, ta.id, w.actor)).rejects.toThrow(
      `${ta.number} cannot be changed or deleted: serial PI-1 was issued later by ${gi.number}`,
    );
    // An undone dispatch: the transfer itself, once its arrival is gone, is judged like an issue.
    await deleteDocument(db, gi.id, w.actor);
    await deleteDocument(db, ta.id, w.actor);
    const arrived = await arrive(tr.id, ['PI-1']);
    await expect(deleteDocument(db, tr.id, w.actor)).rejects.toThrow(`${arrived.number} received its goods`);
    await invariantsHold();
  });

  it('a transfer switches between direct and in transit while nothing arrived', async () => {
    await receive(['SW-1']);
    const tr = await postDocument(db, { ...sendInput(['SW-1'], '1'), inTransit: false }, w.actor);
    expect(await serial('SW-1')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await updateDocument(db, tr.id, sendInput(['SW-1'], '1'), w.actor);
    expect(await serial('SW-1')).toMatchObject({ status: 'in_transit', warehouseId: w.main });
    await updateDocument(db, tr.id, { ...sendInput(['SW-1'], '1'), inTransit: false }, w.actor);
    expect(await serial('SW-1')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await invariantsHold();
  });

  it('two arrivals of the same goods at once: one takes them, the other is refused', async () => {
    const pool = createDb(url, 4);
    try {
      for (let round = 0; round < 6; round++) {
        const serials = [`RC-${round}-1`, `RC-${round}-2`];
        await receive(serials, '2');
        const tr = await send(serials, '2');
        const results = await Promise.allSettled(
          [0, 1].map((i) => postDocument(pool.db, arrivalInput(tr.id, i === 0 ? serials : [], '2'), w.actor)),
        );
        for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        await invariantsHold();
      }
    } finally {
      await pool.sql.end();
    }
  });
});
