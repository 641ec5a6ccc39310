import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { document, expectedSerial, serialMovement, serialNumber, stockLevel } from '@/db/schema';
import { isDomainError } from '@/lib/errors';
import { call, keyFor } from '@/test/api/records-client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { deleteDocument, updateDocument } from '@/lib/inventory/change';
import { documentBlockers } from '@/lib/inventory/correction';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import type { InventoryRuleError } from '@/lib/inventory/problems';
import type { DocumentInput } from '@/lib/validation/documents';

type World = Awaited<ReturnType<typeof seedWorld>>;

describe('expected receipts: prepared from a list of serials, confirmed by scanning', async () => {
  const { db, url } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
  });

  const prepareInput = (serials: string[], date = '2026-07-01'): DocumentInput => ({
    kind: 'expected_receipt',
    date,
    partnerId: w.supplier,
    warehouseId: w.main,
    lines: [{ itemId: w.tracked, quantity: String(serials.length), unitPrice: '12.5', serials }],
  });
  const prepare = (serials: string[]) => postDocument(db, prepareInput(serials), w.actor);
  const confirmInput = (erId: bigint, serials: string[], missing: 'keep' | 'drop' = 'keep'): DocumentInput => ({
    kind: 'goods_receipt',
    date: '2026-07-03',
    partnerId: w.supplier,
    warehouseId: w.main,
    expectedReceiptId: erId,
    missingExpected: missing,
    lines: [{ itemId: w.tracked, quantity: String(serials.length), serials }],
  });
  const confirm = (erId: bigint, serials: string[], missing?: 'keep' | 'drop') =>
    postDocument(db, confirmInput(erId, serials, missing), w.actor);
  const expectations = async (erId: bigint) =>
    (
      await db
        .select({ serial: expectedSerial.serial, status: expectedSerial.status })
        .from(expectedSerial)
        .where(eq(expectedSerial.documentId, erId))
        .orderBy(asc(expectedSerial.id))
    ).map((e) => `${e.serial}:${e.status}`);
  const serial = async (text: string) => (await db.select().from(serialNumber).where(eq(serialNumber.serial, text)))[0];
  const stock = async () =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, w.tracked), eq(stockLevel.warehouseId, w.main)))
    )[0]?.quantity ?? '0';
  const refusal = async (work: Promise<unknown>) =>
    (await work.then(
      () => {
        throw new Error('not refused');
      },
      (e: unknown) => e,
    )) as InventoryRuleError;
  const invariantsHold = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('preparing moves no stock: the serials are expected, not in stock', async () => {
    const before = await stock();
    const er = await prepare(['EX-1', 'EX-2', 'EX-3']);
    expect(er.number).toMatch(/^ER-2026-\d{5}$/);
    expect(await stock()).toBe(before);
    expect(await serial('EX-1')).toBeUndefined();
    expect(await expectations(er.id)).toEqual(['EX-1:expected', 'EX-2:expected', 'EX-3:expected']);
    // An issue of an expected serial finds nothing in stock.
    await expect(
      postDocument(
        db,
        {
          kind: 'goods_issue',
          date: '2026-07-02',
          warehouseId: w.main,
          lines: [{ itemId: w.tracked, quantity: '1', serials: ['EX-1'] }],
        },
        w.actor,
      ),
    ).rejects.toThrow('Serial EX-1 of item ACME-1 is not in stock in warehouse MAIN: it was never received.');
    await invariantsHold();
  });

  it('refuses preparing a serial in stock, expected elsewhere, twice, or of an untracked item, naming it', async () => {
    const gr = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-06-01',
        warehouseId: w.shop,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['HELD-1'] }],
      },
      w.actor,
    );
    const first = await prepare(['DUP-1']);
    const held = await refusal(prepare(['HELD-1', 'dup-1', 'NEW-1']));
    expect(held.problems.map((p) => [p.code, p.message])).toEqual([
      ['ALREADY_EXPECTED', `Serial dup-1 of item ACME-1 is already expected on ${first.number}.`],
      [
        'ALREADY_IN_STOCK',
        `Serial HELD-1 of item ACME-1 is already in stock in warehouse SHOP (received by ${gr.number}).`,
      ],
    ]);
    expect(await db.select().from(expectedSerial).where(eq(expectedSerial.serial, 'NEW-1'))).toEqual([]);
    const twice = await refusal(prepare(['TW-1', 'tw-1']));
    expect(twice.problems[0]).toMatchObject({ code: 'DUPLICATE_IN_DOCUMENT' });
    const untracked = await refusal(
      postDocument(
        db,
        {
          kind: 'expected_receipt',
          date: '2026-07-01',
          warehouseId: w.main,
          lines: [{ itemId: w.plain, quantity: '3' }],
        },
        w.actor,
      ),
    );
    expect(untracked.problems[0]).toMatchObject({ code: 'NOT_TRACKED' });
    expect(untracked.message).toContain('item CABLE does not track serial numbers');
  });

  it('confirming receives what was scanned, with extras; the missing stay expected on the remainder', async () => {
    const er = await prepare(['CF-1', 'CF-2', 'CF-3']);
    const before = Number(await stock());
    const gr = await confirm(er.id, ['CF-1', 'cf-3', 'CF-EXTRA']);
    expect(Number(await stock()) - before).toBe(3);
    expect(await serial('CF-1')).toMatchObject({ status: 'in_stock', warehouseId: w.main });
    expect(await serial('CF-EXTRA')).toMatchObject({ status: 'in_stock' });
    expect(await expectations(er.id)).toEqual(['CF-1:received', 'CF-2:expected', 'CF-3:received']);
    const [row] = await db.select().from(document).where(eq(document.id, gr.id));
    expect(row).toMatchObject({ kind: 'goods_receipt', expectedReceiptId: er.id });
    const history = await db.select().from(serialMovement).where(eq(serialMovement.documentId, gr.id));
    expect(history).toHaveLength(3);

    // The remainder is confirmed later, dropping what still did not come.
    const er2 = await prepare(['RM-1', 'RM-2']);
    await confirm(er2.id, ['RM-1'], 'drop');
    expect(await expectations(er2.id)).toEqual(['RM-1:received', 'RM-2:dropped']);
    await expect(confirm(er2.id, ['RM-2'])).rejects.toThrow(`${er2.number} has no expected serials left to confirm`);
    // A dropped serial is free to be expected again.
    await prepare(['RM-2']);
    await invariantsHold();
  });

  it('refuses a serial received elsewhere between preparing and confirming, naming it', async () => {
    const er = await prepare(['EL-1', 'EL-2']);
    const elsewhere = await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: '2026-07-02',
        warehouseId: w.shop,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['EL-2'] }],
      },
      w.actor,
    );
    const refused = await refusal(confirm(er.id, ['EL-1', 'EL-2']));
    expect(refused.problems[0]).toMatchObject({
      code: 'ALREADY_IN_STOCK',
      serial: 'EL-2',
      message: `Serial EL-2 of item ACME-1 is already in stock in warehouse SHOP (received by ${elsewhere.number}).`,
    });
    expect(await expectations(er.id)).toEqual(['EL-1:expected', 'EL-2:expected']);
    expect(await serial('EL-1')).toBeUndefined();
  });

  it('pins the expected receipt; deleting the confirmation reopens its expectations', async () => {
    const er = await prepare(['PN-1', 'PN-2']);
    // Before any confirmation it is edited freely: its new list replaces the old.
    await updateDocument(db, er.id, prepareInput(['PN-1', 'PN-2', 'PN-3']), w.actor);
    expect(await expectations(er.id)).toEqual(['PN-1:expected', 'PN-2:expected', 'PN-3:expected']);
    const gr = await confirm(er.id, ['PN-1'], 'drop');
    // The buttons say it before a click: the confirming receipt pins the expected receipt.
    expect((await documentBlockers(db, er.id)).map((b) => b.number)).toEqual([gr.number]);
    await expect(deleteDocument(db, er.id, w.actor)).rejects.toThrow(
      `${er.number} cannot be changed or deleted: ${gr.number} confirmed its serials; delete ${gr.number} first.`,
    );
    await expect(updateDocument(db, er.id, prepareInput(['PN-1']), w.actor)).rejects.toThrow(gr.number);
    await expect(updateDocument(db, gr.id, confirmInput(er.id, ['PN-1', 'PN-2']), w.actor)).rejects.toThrow(
      'delete it and confirm again',
    );
    // A note is still a correction.
    await updateDocument(db, gr.id, { ...confirmInput(er.id, ['PN-1'], 'drop'), note: 'box 2' }, w.actor);
    await deleteDocument(db, gr.id, w.actor);
    expect(await serial('PN-1')).toBeUndefined();
    expect(await expectations(er.id)).toEqual(['PN-1:expected', 'PN-2:expected', 'PN-3:expected']);
    await deleteDocument(db, er.id, w.actor);
    expect(await expectations(er.id)).toEqual([]);
    await invariantsHold();
  });

  it('two clerks confirming the same expected receipt at once: one posts, the other is refused', async () => {
    const pool = createDb(url, 4);
    try {
      for (let round = 0; round < 6; round++) {
        const serials = [`RC-${round}-1`, `RC-${round}-2`];
        const er = await prepare(serials);
        const missing = round % 2 === 0 ? 'drop' : 'keep';
        const results = await Promise.allSettled(
          [0, 1].map(() => postDocument(pool.db, confirmInput(er.id, serials, missing), w.actor)),
        );
        for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const confirmations = await db.select().from(document).where(eq(document.expectedReceiptId, er.id));
        expect(confirmations).toHaveLength(1);
        await invariantsHold();
      }
    } finally {
      await pool.sql.end();
    }
  });

  it('the web and the records API confirming the same expected receipt at once: the winner decides the missing', async () => {
    const { key } = await keyFor(db, 'warehouse');
    const pool = createDb(url, 4);
    try {
      for (let round = 0; round < 6; round++) {
        const serials = [`RW-${round}-1`, `RW-${round}-2`, `RW-${round}-3`];
        const er = await prepare(serials);
        // Each side chooses the other's way, so the serials left over tell whose confirmation won.
        const webDrops = round % 2 === 0;
        const web = postDocument(
          pool.db,
          confirmInput(er.id, serials.slice(0, 1), webDrops ? 'drop' : 'keep'),
          w.actor,
        );
        const api = call(key, 'POST', '/crm/v8/Goods_Receipts', {
          data: [
            {
              Date: '2026-07-03',
              Warehouse: { Code: 'MAIN' },
              Expected_Receipt: { id: String(er.id) },
              Drop_Missing_Expected: !webDrops,
              Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '1', Serial_Numbers: serials.slice(0, 1) }],
            },
          ],
        });
        const [webResult, apiAnswer] = await Promise.all([
          web.then(
            () => 'posted',
            (e: unknown) => e,
          ),
          api,
        ]);
        if (webResult !== 'posted' && !isDomainError(webResult)) throw webResult;
        const apiPosted = apiAnswer.status === 201;
        expect([webResult === 'posted', apiPosted], JSON.stringify(apiAnswer.json)).toContain(true);
        expect(webResult === 'posted' && apiPosted).toBe(false);
        if (!apiPosted) expect(apiAnswer.json.data[0].code).not.toBe('INTERNAL_ERROR');
        const dropped = apiPosted ? !webDrops : webDrops;
        const rest = dropped ? 'dropped' : 'expected';
        expect(await expectations(er.id)).toEqual([
          `${serials[0]}:received`,
          `${serials[1]}:${rest}`,
          `${serials[2]}:${rest}`,
        ]);
        const confirmations = await db.select().from(document).where(eq(document.expectedReceiptId, er.id));
        expect(confirmations).toHaveLength(1);
        await invariantsHold();
      }
    } finally {
      await pool.sql.end();
    }
  });

  it('two clerks preparing the same serial at once: one reserves it, the other is told where it is expected', async () => {
    const pool = createDb(url, 4);
    try {
      for (let round = 0; round < 6; round++) {
        const serials = [`PR-${round}`];
        const results = await Promise.allSettled(
          [0, 1].map(() => postDocument(pool.db, prepareInput(serials), w.actor)),
        );
        const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason as InventoryRuleError);
        expect(refused).toHaveLength(1);
        expect(refused[0].problems?.[0]).toMatchObject({ code: 'ALREADY_EXPECTED', serial: `PR-${round}` });
      }
    } finally {
      await pool.sql.end();
    }
  });
});
