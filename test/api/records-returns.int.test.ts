import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serialNumber } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const date = '2026-11-22';

describe('records API: customer returns, credit notes and returns to suppliers', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const warehouse = await keyFor(db, 'warehouse');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });
  const tracked = (serials: string[]) => ({
    Item: { Code: 'ACME-1' },
    Quantity: String(serials.length),
    Unit_Price: '100',
    Serial_Numbers: serials,
  });
  let sale: { id: string; Number: string };
  let receipt: { id: string; Number: string };

  beforeAll(async () => {
    await post(
      'Items',
      { Code: 'ACME-1', Name: 'Acme scanner', Track_Serial_Numbers: true },
      { Code: 'CABLE', Name: 'Cable', Unit: 'm' },
    );
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' }, { Code: 'SHOP', Name: 'Shop' });
    await post(
      'Partners',
      { Code: 'CUS', Name: 'Customer', Type: 'customer' },
      { Code: 'SUP', Name: 'Supplier', Type: 'supplier' },
    );
    const received = await post('Purchase_Invoices', {
      Date: '2026-11-01',
      Partner: { Code: 'SUP' },
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['R-1', 'R-2', 'R-3', 'R-4']), { Item: { Code: 'CABLE' }, Quantity: '10', Unit_Price: '1' }],
    });
    expect(received.status, JSON.stringify(received.json)).toBe(201);
    receipt = received.json.data[0].details;
    const sold = await post('Sales_Invoices', {
      Date: '2026-11-02',
      Partner: { Code: 'CUS' },
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['R-1', 'R-2']), { Item: { Code: 'CABLE' }, Quantity: '4', Unit_Price: '2' }],
    });
    expect(sold.status, JSON.stringify(sold.json)).toBe(201);
    sale = sold.json.data[0].details;
  });

  it('takes a sold serial back on the invoice it left with and reads the return back', async () => {
    const r = await post('Customer_Returns', {
      Date: date,
      Return_Of: { Number: sale.Number },
      Warehouse: { Code: 'SHOP' },
      Lines: [tracked(['R-1']), { Item: { Code: 'CABLE' }, Quantity: '1', Unit_Price: '2' }],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const { id, Number: number } = r.json.data[0].details;
    expect(number).toMatch(/^CR-2026-\d{5}$/);
    const got = (await call(admin.key, 'GET', `/crm/v8/Customer_Returns/${id}`)).json.data[0];
    expect(got).toMatchObject({
      Return_Of: { id: sale.id, Number: sale.Number },
      Warehouse: { Code: 'SHOP' },
      Lines: [
        { Item: { Code: 'ACME-1' }, Serial_Numbers: ['R-1'] },
        { Item: { Code: 'CABLE' }, Quantity: '1' },
      ],
    });
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'R-1'));
    const history = (await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/${serial.id}`)).json.data[0];
    expect(history).toMatchObject({ Status: 'in_stock', Warehouse: { Code: 'SHOP' } });
    expect(
      history.History.map((m: { Direction: string; Document: { Kind: string } }) => [m.Direction, m.Document.Kind]),
    ).toEqual([
      ['in', 'Goods_Receipts'],
      ['out', 'Goods_Issues'],
      ['in', 'Customer_Returns'],
    ]);
    const found = await call(
      admin.key,
      'GET',
      `/crm/v8/Customer_Returns/search?criteria=(Return_Of.id:equals:${sale.id})`,
    );
    expect(found.json.data.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('refuses what the core refuses, naming the field, with the same codes as the form', async () => {
    const back = (extra: Record<string, unknown>, lines: unknown[] = [tracked(['R-2'])]) => ({
      Date: date,
      Return_Of: { Number: sale.Number },
      Warehouse: { Code: 'MAIN' },
      Lines: lines,
      ...extra,
    });
    const r = await post(
      'Customer_Returns',
      back({}, [tracked(['R-3'])]),
      back({}, [{ Item: { Code: 'CABLE' }, Quantity: '4' }]),
      back({ Return_Of: undefined }),
      back({ Return_Of: { Number: 'SI-1999-00001' } }),
      back({ Return_Of: { Number: receipt.Number } }),
      back({ Date: '2026-11-01' }),
    );
    expect(
      r.json.data.map((e: { code: string; message: string; details: { api_name?: string } }) => [
        e.code,
        e.message,
        e.details.api_name,
      ]),
    ).toEqual([
      [
        'INVALID_DATA',
        `Serial R-3 of item ACME-1 did not leave with ${sale.Number} or is back already: it is in stock in warehouse MAIN (GR-2026-00001).`,
        'Serial_Numbers',
      ],
      ['CANNOT_PROCESS', expect.stringContaining('with this return 5 m would have gone back'), 'Quantity'],
      [
        'MANDATORY_NOT_FOUND',
        'Choose the document the goods are returned on (a sales invoice or goods issue).',
        'Return_Of',
      ],
      ['RESOURCE_NOT_FOUND', 'No document with Number SI-1999-00001 exists.', 'Return_Of'],
      ['INVALID_DATA', `${receipt.Number} is a purchase invoice: choose a sales invoice or goods issue.`, 'Return_Of'],
      ['INVALID_DATA', `Goods cannot be returned on 2026-11-01, before ${sale.Number} of 2026-11-02.`, 'Date'],
    ]);
  });

  it('a credit note creates its return; the sale is pinned until it is deleted', async () => {
    const r = await post('Credit_Notes', {
      Date: date,
      Partner: { Code: 'CUS' },
      Return_Of: { id: sale.id },
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['R-2'])],
    });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const cn = r.json.data[0].details;
    const got = (await call(admin.key, 'GET', `/crm/v8/Credit_Notes/${cn.id}`)).json.data[0];
    expect(got).toMatchObject({
      Return_Of: { Number: sale.Number },
      Create_Stock_Document: true,
      Stock_Document: { Number: expect.stringMatching(/^CR-2026-\d{5}$/) },
    });
    const pinned = await call(admin.key, 'DELETE', `/crm/v8/Sales_Invoices/${sale.id}`);
    expect(pinned.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: expect.stringContaining('returns goods that moved with it'),
    });
    expect((await call(admin.key, 'DELETE', `/crm/v8/Credit_Notes/${cn.id}`)).status).toBe(200);
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'R-2'));
    expect(serial.status).toBe('issued');
  });

  it('returns to the supplier what its invoice received; warehouse staff may, but not credit notes', async () => {
    const record = {
      Date: date,
      Return_Of: { Number: receipt.Number },
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['R-4'])],
    };
    const r = await call(warehouse.key, 'POST', '/crm/v8/Supplier_Returns', { data: [record] });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.data[0].details.Number).toMatch(/^SR-2026-\d{5}$/);
    const again = await call(warehouse.key, 'POST', '/crm/v8/Supplier_Returns', { data: [record] });
    expect(again.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining(`did not come with ${receipt.Number} or is not in stock in warehouse MAIN`),
    });
    expect((await call(warehouse.key, 'POST', '/crm/v8/Credit_Notes', { data: [record] })).status).toBe(403);
  });
});
