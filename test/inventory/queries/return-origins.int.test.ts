import { describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { postDocument } from '@/lib/inventory/post';
import {
  findReturnOrigins,
  numberMatchSql,
  partnerMatchSql,
  serialMatchSql,
} from '@/lib/inventory/queries/return-origins';
import { rows } from '@/lib/sql-rows';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';

const day = '2026-11-23';

/*
 * The picker of a new return without its document (/customer-returns/new and its kin): one text, read as a document
 * number, a serial number or a partner's code or name.
 */
describe('finding the document a return names', async () => {
  const { db } = await useTestDatabase();
  const w = await seedWorld(db);
  const lines = (serials: string[]) => [{ itemId: w.tracked, quantity: String(serials.length), serials }];
  const pi = await postDocument(
    db,
    {
      kind: 'purchase_invoice',
      date: day,
      warehouseId: w.main,
      partnerId: w.supplier,
      createStockDocument: true,
      lines: lines(['PK-1', 'PK-2', 'PK-3']),
    },
    w.actor,
  );
  const gr = await postDocument(
    db,
    { kind: 'goods_receipt', date: day, warehouseId: w.main, lines: lines(['PK-4']) },
    w.actor,
  );
  const si = await postDocument(
    db,
    {
      kind: 'sales_invoice',
      date: day,
      warehouseId: w.main,
      partnerId: w.customer,
      createStockDocument: true,
      lines: lines(['PK-1', 'PK-2']),
    },
    w.actor,
  );
  const gi = await postDocument(
    db,
    { kind: 'goods_issue', date: '2026-11-24', warehouseId: w.main, partnerId: w.customer, lines: lines(['PK-4']) },
    w.actor,
  );
  const found = async (kind: Parameters<typeof findReturnOrigins>[1], text: string) =>
    (await findReturnOrigins(db, kind, text)).map((o) => [o.number, o.match.by]);

  it('by number, as typed or in lower case; a generated goods document answers as its invoice', async () => {
    expect(await found('customer_return', si.number.toLowerCase())).toEqual([[si.number, 'number']]);
    expect(await found('credit_note', ` ${si.stockDocument!.number} `)).toEqual([[si.number, 'number']]);
    const [origin] = await findReturnOrigins(db, 'customer_return', si.number);
    expect(origin).toMatchObject({
      id: String(si.id),
      kind: 'sales_invoice',
      date: day,
      partner: { code: 'CUS', name: 'Customer' },
      goods: { id: String(si.stockDocument!.id), kind: 'goods_issue' },
    });
    // A purchase invoice is no document a customer return names.
    expect(await found('customer_return', pi.number)).toEqual([]);
    expect(await found('supplier_return', pi.number)).toEqual([[pi.number, 'number']]);
  });

  it('by serial: the sale it left with, or the purchase it came with', async () => {
    expect(await findReturnOrigins(db, 'customer_return', 'pk-1')).toMatchObject([
      { number: si.number, match: { by: 'serial', serial: 'PK-1' } },
    ]);
    expect(await found('customer_return', 'PK-4')).toEqual([[gi.number, 'serial']]);
    expect(await found('supplier_return', 'PK-2')).toEqual([[pi.number, 'serial']]);
    expect(await found('supplier_return', 'PK-4')).toEqual([[gr.number, 'serial']]);
    expect(await found('customer_return', 'PK-3')).toEqual([]);
  });

  it('by partner: its latest documents of the kinds the return names, newest first', async () => {
    expect(await found('customer_return', 'custom')).toEqual([
      [gi.number, 'partner'],
      [si.number, 'partner'],
    ]);
    expect(await found('supplier_return', 'SUP')).toEqual([[pi.number, 'partner']]);
    expect(await found('customer_return', '')).toEqual([]);
    expect(await found('goods_receipt', 'SUP')).toEqual([]);
  });

  it('each lookup has an index to go through (EXPLAIN with sequential scans priced out)', async () => {
    const plans = [
      numberMatchSql(['sales_invoice', 'goods_issue'], si.number),
      serialMatchSql('goods_issue', 'PK-1'),
      partnerMatchSql([String(w.customer)], ['sales_invoice', 'goods_issue']),
    ];
    for (const statement of plans) {
      const plan = await explain(statement);
      expect(plan, plan).not.toMatch(/Seq Scan on (document|serial_number|serial_movement)\b/);
      expect(plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    }
  });

  async function explain(statement: SQL): Promise<string> {
    return db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const lines = await rows<{ 'QUERY PLAN': string }>(tx, sql`explain ${statement}`);
      return lines.map((l) => l['QUERY PLAN']).join('\n');
    });
  }
});
