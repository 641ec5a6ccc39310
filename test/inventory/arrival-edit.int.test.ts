import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { item, serialNumber, stockLevel } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { isDomainError } from '@/lib/errors';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { updateDocument } from '@/lib/inventory/change';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import type { InventoryRuleError } from '@/lib/inventory/problems';

type World = Awaited<ReturnType<typeof seedWorld>>;

/** Editing what a transfer arrival received: re-posted under the transfer's lock, like posting one. */
describe('transfer arrival edits', async () => {
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

  const lines = (serials: string[], metres?: string) => [
    ...(serials.length > 0 ? [{ itemId: w.tracked, quantity: String(serials.length), serials }] : []),
    ...(metres ? [{ itemId: wire, quantity: metres }] : []),
  ];
  const sendInTransit = async (serials: string[], metres: string) => {
    await postDocument(
      db,
      { kind: 'goods_receipt', date: '2026-05-01', warehouseId: w.main, lines: lines(serials, metres) },
      w.actor,
    );
    return postDocument(
      db,
      {
        kind: 'transfer',
        date: '2026-05-02',
        warehouseId: w.main,
        destinationWarehouseId: w.shop,
        inTransit: true,
        lines: lines(serials, metres),
      },
      w.actor,
    );
  };
  const arrivalInput = (transferId: bigint, serials: string[], metres?: string) => ({
    kind: 'transfer_arrival' as const,
    date: '2026-05-04',
    warehouseId: w.shop,
    transferId,
    lines: lines(serials, metres),
  });
  const serial = async (text: string) => (await db.select().from(serialNumber).where(eq(serialNumber.serial, text)))[0];
  const shopWire = async () =>
    (
      await db
        .select()
        .from(stockLevel)
        .where(and(eq(stockLevel.itemId, wire), eq(stockLevel.warehouseId, w.shop)))
    )[0]?.quantity ?? '0';
  const invariantsHold = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('swaps a serial and changes the counted goods; what it gave back is in transit again', async () => {
    const tr = await sendInTransit(['ED-1', 'ED-2', 'ED-3'], '5');
    const ta = await postDocument(db, arrivalInput(tr.id, ['ED-1', 'ED-2'], '2'), w.actor);
    const before = Number(await shopWire());
    await updateDocument(db, ta.id, arrivalInput(tr.id, ['ED-1', 'ED-3'], '4'), w.actor);
    expect(Number(await shopWire()) - before).toBe(2);
    expect(await serial('ED-2')).toMatchObject({ status: 'in_transit', warehouseId: w.main });
    expect(await serial('ED-3')).toMatchObject({ status: 'in_stock', warehouseId: w.shop });
    await invariantsHold();
  });

  it('refuses taking more than is in transit, a serial the transfer did not send, or another transfer', async () => {
    const tr = await sendInTransit(['EX-1', 'EX-2'], '3');
    const other = await sendInTransit(['EX-9'], '1');
    const first = await postDocument(db, arrivalInput(tr.id, ['EX-1'], '2'), w.actor);
    const ta = await postDocument(db, arrivalInput(tr.id, [], '1'), w.actor);
    const tooMuch = (await updateDocument(db, ta.id, arrivalInput(tr.id, [], '2'), w.actor).catch(
      (e: unknown) => e,
    )) as InventoryRuleError;
    expect(tooMuch.problems[0]).toMatchObject({ code: 'TRANSIT_EXCEEDED' });
    await expect(updateDocument(db, ta.id, arrivalInput(tr.id, ['EX-9'], '1'), w.actor)).rejects.toThrow(
      /Serial EX-9 of item ACME-1 is not in transit on TR-\d{4}-\d{5}/,
    );
    await expect(updateDocument(db, ta.id, arrivalInput(other.id, ['EX-9']), w.actor)).rejects.toThrow(
      `${ta.number} stays with its transfer`,
    );
    expect(first.number).toMatch(/^TA-/);
    await invariantsHold();
  });

  it('an edit and a new arrival of the same goods at once: never more than was sent', async () => {
    const pool = createDb(url, 4);
    try {
      for (let round = 0; round < 6; round++) {
        const serials = [`RE-${round}-1`, `RE-${round}-2`];
        const tr = await sendInTransit(serials, '2');
        const ta = await postDocument(db, arrivalInput(tr.id, [serials[0]], '1'), w.actor);
        const results = await Promise.allSettled([
          updateDocument(pool.db, ta.id, arrivalInput(tr.id, serials, '2'), w.actor),
          postDocument(pool.db, arrivalInput(tr.id, [serials[1]], '1'), w.actor),
        ]);
        for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        await invariantsHold();
      }
    } finally {
      await pool.sql.end();
    }
  });
});
