import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { item } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { postDocument } from '@/lib/inventory/post';
import { dashboardTotals, itemsBelowMinimum, movementsPerDay, recentDocuments } from '@/lib/dashboard/queries';
import { listStock, parseStockListParams, stockForExport } from '@/lib/inventory/queries/stock';
import { stockCsv } from '@/lib/inventory/queries/stock-csv';
import { withCodeKey } from '@/lib/catalog/code-key';

type World = Awaited<ReturnType<typeof seedWorld>>;
const today = new Date().toISOString().slice(0, 10);

describe('stock and dashboard queries', async () => {
  const { db } = await useTestDatabase();
  let w: World;
  beforeAll(async () => {
    w = await seedWorld(db);
    await postDocument(
      db,
      {
        kind: 'goods_receipt',
        date: today,
        warehouseId: w.main,
        lines: [
          { itemId: w.plain, quantity: '10.125' },
          { itemId: w.tracked, quantity: '2', serials: ['S-1', 'S-2'] },
        ],
      },
      w.actor,
    );
    await postDocument(
      db,
      { kind: 'goods_receipt', date: today, warehouseId: w.shop, lines: [{ itemId: w.plain, quantity: '0.1' }] },
      w.actor,
    );
    await postDocument(
      db,
      {
        kind: 'goods_issue',
        date: today,
        warehouseId: w.main,
        lines: [
          { itemId: w.plain, quantity: '0.025' },
          { itemId: w.tracked, quantity: '1', serials: ['S-1'] },
        ],
      },
      w.actor,
    );
    await db.insert(item).values(withCodeKey({ code: '=HYPERLINK("x")', name: '+danger', unit: '-', minStock: '5' }));
    await db.execute(
      sql`insert into stock_level (item_id, warehouse_id, quantity) select id, ${w.main}, 1 from item where code = '=HYPERLINK("x")'`,
    );
  });
  const stock = (query: Record<string, string>) => listStock(db, parseStockListParams(query));

  it('lists item × warehouse quantities as exact decimals, filtered and sorted', async () => {
    const all = await stock({});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => [r.itemCode, r.warehouseCode, r.quantity])).toEqual([
      ['=HYPERLINK("x")', 'MAIN', '1'],
      ['ACME-1', 'MAIN', '1'],
      ['CABLE', 'MAIN', '10.1'],
      ['CABLE', 'SHOP', '0.1'],
    ]);
    expect((await stock({ warehouse: String(w.shop) })).rows.map((r) => r.itemCode)).toEqual(['CABLE']);
    expect((await stock({ item: 'cable' })).total).toBe(2);
    expect((await stock({ q: 'scan' })).rows.map((r) => r.itemCode)).toEqual(['ACME-1']);
    expect((await stock({ sort: 'quantity.desc' })).rows[0].quantity).toBe('10.1');
  });

  it('exports every matching row as formula-safe CSV with exact quantities', async () => {
    const csv = stockCsv(await stockForExport(db, parseStockListParams({ warehouse: String(w.main) })));
    expect(csv.startsWith('\uFEFFItem code,Item name,Warehouse code,Warehouse name,Quantity,Unit\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",'+danger,MAIN,Main,1,'-\r\n`);
    expect(csv).toContain('CABLE,Cable,MAIN,Main,10.1,m\r\n');
  });

  it('gives the dashboard totals, the daily chart, recent documents and items below minimum', async () => {
    expect(await dashboardTotals(db, ['goods_receipt', 'goods_issue'])).toEqual({
      items: 4,
      stockQuantity: '12.2',
      serialsInStock: 1,
      documentsThisMonth: 3,
    });
    expect((await dashboardTotals(db, ['goods_issue'])).documentsThisMonth).toBe(1);
    const days = await movementsPerDay(db, 30);
    expect(days).toHaveLength(30);
    expect(days[29]).toEqual({ day: today, received: '12.225', issued: '1.025' });
    expect(days[0]).toMatchObject({ received: '0', issued: '0' });
    const recent = await recentDocuments(db, ['goods_issue', 'goods_receipt'], 2);
    expect(recent.map((d) => d.kind)).toEqual(['goods_issue', 'goods_receipt']);
    expect(await recentDocuments(db, [], 5)).toEqual([]);
    expect((await itemsBelowMinimum(db)).map((i) => [i.code, i.onHand, i.minStock])).toEqual([
      ['=HYPERLINK("x")', '1', '5'],
    ]);
  });
});
