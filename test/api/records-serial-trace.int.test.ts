import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

/*
 * The records API's Serial_Numbers returns the facts the serial's page shows (lib/inventory/queries/
 * serial-trace.ts): where it is, whom it was sold to, the documents it came in and went out with, and both
 * warranty ends, from the Items' warranty periods. Found by its text through the module's search.
 */
describe('records API: a serial traced, and found by its text', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const warehouseKey = await keyFor(db, 'warehouse');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });
  const line = (serials: string[], code = 'WAR-1') => ({
    Item: { Code: code },
    Quantity: String(serials.length),
    Serial_Numbers: serials,
  });
  const search = async (criteria: string, key = admin.key) =>
    (await call(key, 'GET', `/crm/v8/Serial_Numbers/search?criteria=${encodeURIComponent(criteria)}`)).json;
  let receiptNumber: string;
  let issueNumber: string;

  beforeAll(async () => {
    const items = await post(
      'Items',
      {
        Code: 'WAR-1',
        Name: 'Warranted',
        Track_Serial_Numbers: true,
        Sale_Warranty_Months: 24,
        Purchase_Warranty_Months: '12',
      },
      { Code: 'WAR-2', Name: 'Plain', Track_Serial_Numbers: true },
    );
    expect(items.status).toBe(201);
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' });
    await post(
      'Partners',
      { Code: 'SUP', Name: 'Supplier', Type: 'supplier' },
      { Code: 'CUS', Name: 'Customer', Type: 'customer' },
    );
    const receipt = await post('Goods_Receipts', {
      Date: '2026-01-31',
      Warehouse: { Code: 'MAIN' },
      Partner: { Code: 'SUP' },
      Lines: [line(['WS-1', 'WS-2']), line(['WS-1'], 'WAR-2')],
    });
    receiptNumber = receipt.json.data[0].details.Number;
    const issue = await post('Goods_Issues', {
      Date: '2026-02-28',
      Warehouse: { Code: 'MAIN' },
      Partner: { Code: 'CUS' },
      Lines: [line(['WS-1'])],
    });
    issueNumber = issue.json.data[0].details.Number;
  });

  it('reads the warranty periods back on the item as whole numbers', async () => {
    const got = await call(admin.key, 'GET', '/crm/v8/Items/search?criteria=(Code:equals:WAR-1)');
    expect(got.json.data[0]).toMatchObject({ Sale_Warranty_Months: 24, Purchase_Warranty_Months: 12 });
    const plain = await call(admin.key, 'GET', '/crm/v8/Items/search?criteria=(Sale_Warranty_Months:greater_than:12)');
    expect(plain.json.data.map((i: { Code: string }) => i.Code)).toEqual(['WAR-1']);
  });

  it('a sold serial: its customer, the receipt and the issue with their dates, and both warranty ends', async () => {
    const found = await search('(Serial:equals:ws-1)');
    const sold = found.data.find((s: { Item: { Code: string } }) => s.Item.Code === 'WAR-1');
    expect(sold).toMatchObject({
      Serial: 'WS-1',
      Status: 'issued',
      Warehouse: { Code: 'MAIN' },
      Destination_Warehouse: null,
      Customer: { Code: 'CUS', Name: 'Customer' },
      Purchase: { Number: receiptNumber, Kind: 'Goods_Receipts', Date: '2026-01-31', Partner: { Code: 'SUP' } },
      Came_In: { Number: receiptNumber },
      Went_Out: { Number: issueNumber, Kind: 'Goods_Issues', Date: '2026-02-28', Partner: { Code: 'CUS' } },
      Purchase_Warranty_End: '2027-01-31',
      Sale_Warranty_End: '2028-02-28',
    });
  });

  it('the same text on two items is two serials; one in stock and one without periods have no sale warranty', async () => {
    const found = await search('(Serial:equals:WS-1)');
    expect(found.data.map((s: { Item: { Code: string } }) => s.Item.Code).sort()).toEqual(['WAR-1', 'WAR-2']);
    const plain = found.data.find((s: { Item: { Code: string } }) => s.Item.Code === 'WAR-2');
    expect(plain).toMatchObject({ Status: 'in_stock', Customer: null, Went_Out: null, Purchase_Warranty_End: null });
    const [inStock] = (await search('(Serial:equals:ws-2)')).data;
    expect(inStock).toMatchObject({
      Status: 'in_stock',
      Customer: null,
      Went_Out: null,
      Purchase_Warranty_End: '2027-01-31',
      Sale_Warranty_End: null,
    });
  });

  it('the quick word search, a list and a read by id carry the same facts, to every role that reads serials', async () => {
    const byWord = (await call(warehouseKey.key, 'GET', '/crm/v8/Serial_Numbers/search?word=ws-1')).json.data;
    const sold = byWord.find((s: { Item: { Code: string } }) => s.Item.Code === 'WAR-1');
    expect(sold).toMatchObject({ Customer: { Code: 'CUS' }, Sale_Warranty_End: '2028-02-28' });
    const byId = (await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/${sold.id}`)).json.data[0];
    expect(byId).toMatchObject({ Customer: { Code: 'CUS' }, Went_Out: { Number: issueNumber }, History: [{}, {}] });
    const list = (await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?fields=Serial,Sale_Warranty_End')).json.data;
    expect(list.find((s: { id: string }) => s.id === sold.id)).toEqual({
      id: sold.id,
      Serial: 'WS-1',
      Sale_Warranty_End: '2028-02-28',
    });
  });

  it('an unknown serial is an empty answer, as Zoho answers a search that finds nothing', async () => {
    const r = await call(
      admin.key,
      'GET',
      `/crm/v8/Serial_Numbers/search?criteria=${encodeURIComponent('(Serial:equals:NOPE-1)')}`,
    );
    expect(r.status).toBe(204);
  });
});
