import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { document, documentSeries } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { checkStockInvariants } from '@/lib/inventory/invariants';
import { updateDocument } from '@/lib/inventory/change';
import { postDocument } from '@/lib/inventory/post';
import { InventoryRuleError } from '@/lib/inventory/problems';
import type { DocumentInput } from '@/lib/validation/documents';

// Numbers are taken as a posting's last statement (lib/inventory/numbering.ts): gapless, in commit order, and the
// series row is not held while the stock moves. Each test uses a year of its own, so its series starts at 1.

describe('document numbering', async () => {
  const { db, sql: client, url } = await useTestDatabase();
  const w = await seedWorld(db);
  const pool = createDb(url, 25);

  const receipt = (date: string, serials: string[], itemId = w.tracked): DocumentInput => ({
    kind: 'goods_receipt',
    date,
    warehouseId: w.main,
    lines: [{ itemId, quantity: String(serials.length), serials }],
  });
  const counted = (date: string, quantity: string): DocumentInput => ({
    kind: 'goods_receipt',
    date,
    warehouseId: w.main,
    lines: [{ itemId: w.plain, quantity }],
  });
  const numbersOf = async (year: number) =>
    (
      await db
        .select({ number: document.number })
        .from(document)
        .where(and(eq(document.kind, 'goods_receipt'), sql`extract(year from ${document.date}) = ${year}`))
    ).map((d) => d.number);
  const lastNumber = async (year: number) =>
    (
      await db
        .select({ last: documentSeries.lastNumber })
        .from(documentSeries)
        .where(and(eq(documentSeries.kind, 'goods_receipt'), eq(documentSeries.year, year)))
    )[0]?.last;
  const series = (year: number, count: number) =>
    Array.from({ length: count }, (_, i) => `GR-${year}-${String(i + 1).padStart(5, '0')}`);

  it('20 receipts at once, every fourth refused after its insert: consecutive numbers, no gaps, at every moment', async () => {
    const first = await postDocument(db, receipt('2033-01-01', ['RACE-TAKEN']), w.actor);
    // A serial already in stock is refused by the stock effects, after the document and its lines were inserted.
    const attempts = Array.from({ length: 20 }, (_, i) =>
      postDocument(pool.db, receipt('2033-02-01', i % 4 === 3 ? [`RACE-${i}`, 'RACE-TAKEN'] : [`RACE-${i}`]), w.actor),
    );
    // A reader during the race only ever sees a gapless prefix: a number is committed only after every smaller one.
    let racing = true;
    const snapshots: string[][] = [];
    const reader = (async () => {
      while (racing) snapshots.push((await numbersOf(2033)).sort());
    })();
    const results = await Promise.allSettled(attempts);
    racing = false;
    await reader;

    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.reason).toBeInstanceOf(InventoryRuleError);
    const numbers = (await numbersOf(2033)).sort();
    expect(numbers).toEqual(series(2033, 16));
    expect(await lastNumber(2033)).toBe(16);
    const returned = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number] : []));
    expect([first.number, ...returned].sort()).toEqual(numbers);
    expect(snapshots.length).toBeGreaterThan(0);
    for (const seen of snapshots) expect(seen).toEqual(series(2033, seen.length));
    const broken = (await checkStockInvariants(db, 'gapless')).filter((r) => r.bad > 0);
    expect(broken).toEqual([]);
  });

  it('a posting held up in its stock effects does not hold the series: a later one of the same kind commits first', async () => {
    await postDocument(db, counted('2034-01-01', '5'), w.actor);
    // Another session holds CABLE's stock row in MAIN, so a receipt of CABLE waits in its stock effects, after
    // its document is inserted. Taken first, the number would lock the series for that whole wait.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = () => {};
    const holding = new Promise<void>((resolve) => (held = resolve));
    const holder = client.begin(async (tx) => {
      await tx`select 1 from stock_level where item_id = ${String(w.plain)} and warehouse_id = ${String(w.main)} for update`;
      held();
      await released;
    });
    try {
      await holding;
      const blocked = postDocument(pool.db, counted('2034-02-01', '2'), w.actor);
      await waitForLockWait();
      const quick = postDocument(pool.db, receipt('2034-02-01', ['HELD-1']), w.actor);
      const outcome = await Promise.race([quick, sleep(5_000).then(() => 'still waiting' as const)]);
      expect(outcome).toMatchObject({ number: 'GR-2034-00002' });
      release();
      expect(await blocked).toMatchObject({ number: 'GR-2034-00003' });
    } finally {
      release();
      await holder;
    }
    expect(await lastNumber(2034)).toBe(3);
  });

  it('an invoice edited to create its goods document numbers it, and a refused edit leaves no gap', async () => {
    const date = '2035-03-01';
    await postDocument(db, receipt(date, ['EDIT-TAKEN']), w.actor);
    const invoice = (serials: string[], createStockDocument: boolean): DocumentInput => ({
      kind: 'purchase_invoice',
      date,
      warehouseId: w.main,
      partnerId: w.supplier,
      createStockDocument,
      lines: [{ itemId: w.tracked, quantity: String(serials.length), unitPrice: '5', serials }],
    });
    const pi = await postDocument(
      db,
      { ...invoice([], false), lines: [{ itemId: w.tracked, quantity: '1' }] },
      w.actor,
    );
    await expect(updateDocument(db, pi.id, invoice(['EDIT-TAKEN'], true), w.actor)).rejects.toThrow(InventoryRuleError);
    await updateDocument(db, pi.id, invoice(['EDIT-1'], true), w.actor);
    const [goods] = await db.select().from(document).where(eq(document.sourceInvoiceId, pi.id));
    expect(goods.number).toBe('GR-2035-00002');
    expect(await lastNumber(2035)).toBe(2);
    expect(await numbersOf(2035)).toHaveLength(2);
  });

  /** Until a session of this database waits for a lock (the held-up posting). */
  async function waitForLockWait() {
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await client<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`;
      if (n > 0) return;
      await sleep(25);
    }
    throw new Error('The held-up posting never waited for its lock.');
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
