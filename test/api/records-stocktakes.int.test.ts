import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeStocktake } from '@/lib/inventory/stocktake/close';
import { openStocktake } from '@/lib/inventory/stocktake/open';
import { adjustmentPlan, planDigest } from '@/lib/inventory/stocktake/plan';
import { scanSerial } from '@/lib/inventory/stocktake/scan';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

describe('records API: stocktakes (read-only)', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });

  it('lists a closed count with its status, warehouse and the adjustments it posted, and refuses writes', async () => {
    await post('Items', { Code: 'ACME-1', Name: 'Acme scanner', Track_Serial_Numbers: true });
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' });
    await post('Goods_Receipts', {
      Date: '2026-11-01',
      Warehouse: { Code: 'MAIN' },
      Lines: [{ Item: { Code: 'ACME-1' }, Quantity: '2', Serial_Numbers: ['A-1', 'A-2'] }],
    });
    const [ids] = await rows<{ warehouse: string; user: string }>(
      db,
      sql`select (select id::text from warehouse where code = 'MAIN') as warehouse, (select min(id)::text from "user") as user`,
    );
    const actor = { userId: Number(ids.user) };
    const warehouseId = BigInt(ids.warehouse);
    const st = await openStocktake(db, { date: '2026-11-22', warehouseId }, actor);
    await scanSerial(db, st.id, { serial: 'A-1' }, actor);
    const digest = planDigest(await adjustmentPlan(db, { id: st.id, warehouseId, itemIds: [] }, false));
    await closeStocktake(db, st.id, { date: '2026-11-22', reason: 'Count', digest }, actor);

    const list = await call(admin.key, 'GET', '/crm/v8/Stocktakes?warehouse=MAIN');
    expect(list.status).toBe(200);
    expect(list.json.data[0]).toMatchObject({
      Number: st.number,
      Status: 'closed',
      Warehouse: { Code: 'MAIN' },
      Reason: 'Count',
    });
    const one = await call(admin.key, 'GET', `/crm/v8/Stocktakes/${st.id}`);
    expect(one.json.data[0].Adjustments).toEqual([
      { id: expect.stringMatching(/^\d+$/), Number: expect.stringMatching(/^GI-2026-/), Kind: 'Goods_Issues' },
    ]);
    const history = await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/search?criteria=(Serial:equals:A-2)`);
    expect(history.json.data[0].Status).toBe('issued');
    const refused = await post('Stocktakes', { Number: 'ST-1' });
    expect(refused.status).toBe(405);
  });
});
