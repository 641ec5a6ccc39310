import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '@/db/client';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { InventoryRuleError } from '@/lib/inventory/problems';
import { postDocument } from '@/lib/inventory/post';

const today = '2026-11-22';

describe('integrity under concurrency', async () => {
  const { db, url } = await useTestDatabase();
  const w = await seedWorld(db);
  // A pool as large as the number of clerks, so the postings really run at the same moment.
  const pool = createDb(url, 25);

  it('24 clerks issuing the same serial at once: exactly one wins, the others get the clear message', async () => {
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [{ itemId: w.tracked, quantity: '1', serials: ['HOT-1'] }],
      },
      w.actor,
    );
    const attempts = Array.from({ length: 24 }, () =>
      postDocument(
        pool.db,
        {
          kind: 'goods_issue',
          date: today,
          warehouseId: w.main,
          lines: [{ itemId: w.tracked, quantity: '1', serials: ['HOT-1'] }],
        },
        w.actor,
      ),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ number: string }>).value.number;
    for (const r of lost) {
      expect(r.reason).toBeInstanceOf(InventoryRuleError);
      expect(r.reason.message).toBe(
        `Serial HOT-1 of item ACME-1 is not in stock in warehouse MAIN: already issued by ${winner}.`,
      );
    }
  });

  it('mixed concurrent postings never issue a serial twice nor drive stock below zero', async () => {
    const serials = Array.from({ length: 10 }, (_, i) => `MIX-${i}`);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [
          { itemId: w.tracked, quantity: '10', serials },
          { itemId: w.plain, quantity: '10' },
        ],
      },
      w.actor,
    );
    const jobs = Array.from({ length: 30 }, (_, i) =>
      postDocument(
        pool.db,
        {
          kind: 'goods_issue',
          date: today,
          warehouseId: w.main,
          lines: [
            {
              itemId: w.tracked,
              quantity: '2',
              serials: [serials[i % 10], serials[(i * 3 + 1) % 10]].filter((s, k, a) => a.indexOf(s) === k),
            }.quantity === '2'
              ? { itemId: w.tracked, quantity: '2', serials: [serials[i % 10], serials[(i + 1) % 10]] }
              : { itemId: w.tracked, quantity: '1', serials: [serials[i % 10]] },
            { itemId: w.plain, quantity: '1' },
          ],
        },
        w.actor,
      ),
    );
    const results = await Promise.allSettled(jobs);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(InventoryRuleError);
    const [check] = (await db.execute(sql`select
      (select count(*) from (select serial_id from serial_movement m join document d on d.id = m.document_id
        where m.direction = 'out' group by serial_id having count(*) > 1) x)::int as "issuedTwice",
      (select count(*) from stock_level where quantity < 0)::int as negative,
      (select count(*) from stock_level sl where sl.quantity <> coalesce((select sum(case when d.kind = 'goods_receipt' then l.quantity else -l.quantity end)
        from document_line l join document d on d.id = l.document_id where l.item_id = sl.item_id and d.warehouse_id = sl.warehouse_id
        and d.kind in ('goods_receipt', 'goods_issue')), 0))::int as mismatched,
      (select count(*) from serial_number s where s.status = 'in_stock' and s.item_id = ${w.tracked})::int as "serialsInStock",
      (select quantity from stock_level where item_id = ${w.tracked} and warehouse_id = ${w.main})::text as "trackedStock"`)) as unknown as {
      issuedTwice: number;
      negative: number;
      mismatched: number;
      serialsInStock: number;
      trackedStock: string;
    }[];
    expect(check).toMatchObject({ issuedTwice: 0, negative: 0, mismatched: 0 });
    expect(Number(check.trackedStock)).toBe(check.serialsInStock);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
    await pool.sql.end();
  });
});
