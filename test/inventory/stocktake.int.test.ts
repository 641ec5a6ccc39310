import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { warehouse } from '@/db/schema';
import { withCodeKeys } from '@/lib/catalog/code-key';
import { isDomainError } from '@/lib/errors';
import { deleteDocument } from '@/lib/inventory/change';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { postDocument } from '@/lib/inventory/post';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { cancelStocktake, openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { importIntoStocktake } from '@/lib/inventory/stocktake/import';
import { enterCount, scanSerial } from '@/lib/inventory/stocktake/scan';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

const day = '2026-11-22';

describe('stocktakes', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 6);
  let warehouses = 0;

  /** A warehouse of its own per test, so each test's count sees only its own stock. */
  async function freshWarehouse() {
    const code = `WH${++warehouses}`;
    const [row] = await db
      .insert(warehouse)
      .values(withCodeKeys([{ code, name: code }]))
      .returning({ id: warehouse.id });
    return row.id;
  }
  const receive = (warehouseId: bigint, serials: string[], plain = '0') =>
    postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: day,
        warehouseId,
        lines: [
          { itemId: w.tracked, quantity: String(serials.length), serials },
          ...(plain === '0' ? [] : [{ itemId: w.plain, quantity: plain }]),
        ],
      },
      w.actor,
    );
  const issue = (warehouseId: bigint, serials: string[], plain = '0') =>
    postDocument(
      db,
      {
        kind: 'goods_issue',
        date: day,
        warehouseId,
        lines: [
          ...(serials.length ? [{ itemId: w.tracked, quantity: String(serials.length), serials }] : []),
          ...(plain === '0' ? [] : [{ itemId: w.plain, quantity: plain }]),
        ],
      },
      w.actor,
    );
  const digestOf = async (id: bigint) => {
    const [st] = await rows<{ warehouse_id: string }>(
      db,
      sql`select warehouse_id::text from stocktake where id = ${id}`,
    );
    const items = await rows<{ id: string }>(
      db,
      sql`select item_id::text as id from stocktake_item where stocktake_id = ${id}`,
    );
    const scope = { id, warehouseId: BigInt(st.warehouse_id), itemIds: items.map((i) => BigInt(i.id)) };
    return planDigest(await adjustmentPlan(db, scope, false));
  };
  const close = async (id: bigint, digest?: string) =>
    closeStocktake(db, id, { date: day, reason: 'Yearly count', digest: digest ?? (await digestOf(id)) }, w.actor);
  const serialState = async (serial: string) => {
    const [row] = await rows<{ status: string; warehouse_id: string }>(
      db,
      sql`select status, warehouse_id::text from serial_number where serial = ${serial}`,
    );
    return row ? `${row.status}@${row.warehouse_id}` : 'none';
  };
  const expectSound = async () =>
    expect((await checkStockInvariants(db, 'within-series')).filter((c) => c.bad > 0)).toEqual([]);

  it('numbers counts ST-YYYY-NNNNN and keeps one open count per warehouse', async () => {
    const wh = await freshWarehouse();
    const first = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    expect(first.number).toMatch(/^ST-2026-\d{5}$/);
    await expect(openStocktake(db, { date: day, warehouseId: wh }, w.actor)).rejects.toThrow(
      `Stocktake ${first.number} is already open for this warehouse`,
    );
    await cancelStocktake(db, first.id, w.actor);
    const second = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    expect(second.number).not.toBe(first.number);
  });

  it('classifies each scan: expected, unknown, in another warehouse, issued, in transit', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['C-HERE', 'C-MISSING']);
    await receive(w.shop, ['C-SHOP']);
    await receive(wh, ['C-SOLD']);
    const sold = await issue(wh, ['C-SOLD']);
    await receive(w.shop, ['C-ROAD']);
    const tr = await postDocument(
      db,
      {
        kind: 'transfer',
        date: day,
        warehouseId: w.shop,
        destinationWarehouseId: wh,
        inTransit: true,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['C-ROAD'] }],
      },
      w.actor,
    );
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    const scan = (serial: string, itemId?: bigint) => scanSerial(db, st.id, { serial, itemId }, w.actor);
    expect((await scan('c-here')).finding).toBe('expected');
    expect((await scan('C-SHOP')).message).toBe(
      'C-SHOP: the books have it in warehouse SHOP; not adjusted, transfer it here first.',
    );
    expect((await scan('C-SOLD')).message).toContain(`issued by ${sold.number}`);
    expect((await scan('C-ROAD')).message).toContain(`in transit with ${tr.number}`);
    await expect(scan('C-NEW')).rejects.toThrow('C-NEW is not a known serial: choose its item');
    expect((await scan('C-NEW', w.tracked)).finding).toBe('unknown');
    await expect(scan('C-X', w.plain)).rejects.toThrow('CABLE does not track serial numbers');
    const again = await scan('C-HERE');
    expect(again.alreadyScanned?.by).toBe('Test Clerk');
    expect(again.message).toContain('already scanned by Test Clerk');
    const scope = { id: st.id, warehouseId: wh, itemIds: [] };
    const plan = await adjustmentPlan(db, scope, false);
    expect(plan.missing.map((m) => m.serial)).toEqual(['C-MISSING']);
    expect(plan.unknown.map((u) => u.serial)).toEqual(['C-NEW']);
  });

  it('closes by posting the missing serials out and the unknown ones in, linked and read-only', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['K-1', 'K-2', 'K-3'], '10');
    await receive(w.shop, ['K-SHOP']);
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    await scanSerial(db, st.id, { serial: 'K-1' }, w.actor);
    await scanSerial(db, st.id, { serial: 'K-SHOP' }, w.actor);
    await scanSerial(db, st.id, { serial: 'K-NEW', itemId: w.tracked }, w.actor);
    await enterCount(db, st.id, { itemId: w.plain, quantity: '7.5' }, w.actor);
    const { documents } = await close(st.id);
    expect(documents.map((d) => d.number.slice(0, 2))).toEqual(['GI', 'GR']);
    expect(await serialState('K-2')).toBe(`issued@${wh}`);
    expect(await serialState('K-3')).toBe(`issued@${wh}`);
    expect(await serialState('K-NEW')).toBe(`in_stock@${wh}`);
    expect(await serialState('K-SHOP')).toBe(`in_stock@${w.shop}`); // named, never moved silently
    const [level] = await rows<{ q: string }>(
      db,
      sql`select trim_scale(quantity)::text as q from stock_level where item_id = ${w.plain} and warehouse_id = ${wh}`,
    );
    expect(level.q).toBe('7.5');
    const linked = await rows<{ n: number; note: string }>(
      db,
      sql`select count(*)::int as n, min(note) as note from document where stocktake_id = ${st.id}`,
    );
    expect(linked[0]).toEqual({ n: 2, note: `Stocktake ${st.number}: Yearly count` });
    await expect(deleteDocument(db, documents[0].id, w.actor)).rejects.toThrow(/closed and read-only/);
    await expect(scanSerial(db, st.id, { serial: 'K-2' }, w.actor)).rejects.toThrow(
      /is closed; it can no longer change/,
    );
    await expect(close(st.id, 'x')).rejects.toThrow(/is closed/);
    await expectSound();
  });

  it('judges serials against the books at close and counts against the books when counted', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['L-1', 'L-2'], '10');
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    await scanSerial(db, st.id, { serial: 'L-1' }, w.actor);
    await scanSerial(db, st.id, { serial: 'L-2' }, w.actor);
    await enterCount(db, st.id, { itemId: w.plain, quantity: '10' }, w.actor);
    // After the count: L-2 is sold, L-3 arrives unscanned, 4 of the counted goods are sold.
    await issue(wh, ['L-2'], '4');
    await receive(wh, ['L-3']);
    const { documents } = await close(st.id);
    expect(await serialState('L-2')).toBe(`issued@${wh}`); // sold once, not "adjusted" again
    expect(await serialState('L-3')).toBe(`issued@${wh}`); // in stock at close and not found: missing
    const [level] = await rows<{ q: string }>(
      db,
      sql`select trim_scale(quantity)::text as q from stock_level where item_id = ${w.plain} and warehouse_id = ${wh}`,
    );
    expect(level.q).toBe('6'); // counted 10 when the books said 10: no count difference, the sale stands
    expect(documents).toHaveLength(1);
    await expectSound();
  });

  it('limits a count to its items', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['M-1']);
    const st = await openStocktake(db, { date: day, warehouseId: wh, itemIds: [w.other] }, w.actor);
    await expect(scanSerial(db, st.id, { serial: 'M-1' }, w.actor)).rejects.toThrow(
      /which this count does not include/,
    );
    expect((await close(st.id)).documents).toEqual([]); // M-1 is outside the count: not missing
    expect(await serialState('M-1')).toBe(`in_stock@${wh}`);
  });

  it('refuses a close whose differences changed since the confirmation', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['N-1', 'N-2']);
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    const shown = await digestOf(st.id); // both missing
    await issue(wh, ['N-1']); // someone sells N-1 before the close
    await expect(close(st.id, shown)).rejects.toThrow(/changed since they were shown/);
    await close(st.id);
    expect(await serialState('N-2')).toBe(`issued@${wh}`);
    const out = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from serial_movement m join serial_number s on s.id = m.serial_id
        where s.serial = 'N-1' and m.direction = 'out'`,
    );
    expect(out[0].n).toBe(1);
    await expectSound();
  });

  it('two people scanning the same serials at once count each once, with who scanned it', async () => {
    const wh = await freshWarehouse();
    const serials = Array.from({ length: 30 }, (_, i) => `P-${i}`);
    await receive(wh, serials);
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    const results = await Promise.all(
      [...serials, ...serials].map((serial) => scanSerial(pool.db, st.id, { serial }, w.actor)),
    );
    expect(results.filter((r) => r.alreadyScanned === null)).toHaveLength(30);
    const [count] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from stocktake_scan where stocktake_id = ${st.id} and scanned_by = ${w.actor.userId}`,
    );
    expect(count.n).toBe(30);
  });

  it('a close racing an issue of a missing serial: one of them takes it, never both', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round++) {
      const wh = await freshWarehouse();
      const serial = `R-${round}`;
      await receive(wh, [serial]);
      const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
      const digest = await digestOf(st.id);
      const results = await Promise.allSettled([
        closeStocktake(pool.db, st.id, { date: day, reason: 'Race', digest }, w.actor),
        new Promise((r) => setTimeout(r, (round % 3) * 3)).then(() =>
          postDocument(
            pool.db,
            {
              kind: 'goods_issue',
              date: day,
              warehouseId: wh,
              lines: [{ itemId: w.tracked, quantity: '1', serials: [serial] }],
            },
            w.actor,
          ),
        ),
      ]);
      for (const r of results) if (r.status === 'rejected' && !isDomainError(r.reason)) throw r.reason;
      outcomes.push(results.map((r) => (r.status === 'fulfilled' ? 'won' : 'lost')).join('/'));
      const [moves] = await rows<{ n: number }>(
        db,
        sql`select count(*)::int as n from serial_movement m join serial_number s on s.id = m.serial_id
          where s.serial = ${serial} and m.direction = 'out'`,
      );
      expect(moves.n, outcomes.join(' ')).toBe(1);
      await expectSound();
    }
    expect(
      outcomes.every((o) => o === 'won/lost' || o === 'lost/won'),
      outcomes.join(' '),
    ).toBe(true);
  });

  it('imports found serials and counts row by row, each refusal on its row', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['H-1'], '3');
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    const row = (rowNumber: number, serial: string, item = '', quantity = '') => ({
      rowNumber,
      serial,
      item,
      quantity,
    });
    const outcomes = await importIntoStocktake(
      db,
      st.id,
      [row(2, 'h-1'), row(3, 'H-NEW', 'acme-1'), row(4, 'H-X'), row(5, '', 'CABLE', '2,5'), row(6, '', 'NOPE', '1')],
      w.actor,
    );
    expect(outcomes).toEqual([
      { rowNumber: 2, ok: true, message: 'h-1: found, in stock here.' },
      { rowNumber: 3, ok: true, message: 'H-NEW: unknown serial; closing receives it as new.' },
      { rowNumber: 4, ok: false, message: 'Row 4: H-X is not a known serial: choose its item to record it as found.' },
      { rowNumber: 5, ok: true, message: 'CABLE: counted 2.5.' },
      { rowNumber: 6, ok: false, message: 'Row 6: No item has the code NOPE.' },
    ]);
    const plan = await adjustmentPlan(db, { id: st.id, warehouseId: wh, itemIds: [] }, false);
    expect(plan).toMatchObject({ missing: [], unknown: [{ serial: 'H-NEW' }], counts: [{ difference: '-0.500' }] });
  });

  it('a double close posts once', async () => {
    const wh = await freshWarehouse();
    await receive(wh, ['D-1']);
    const st = await openStocktake(db, { date: day, warehouseId: wh }, w.actor);
    const digest = await digestOf(st.id);
    const results = await Promise.allSettled(
      [0, 1].map(() => closeStocktake(pool.db, st.id, { date: day, reason: 'Twice', digest }, w.actor)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const [docs] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from document where stocktake_id = ${st.id}`,
    );
    expect(docs.n).toBe(1);
  });
});
