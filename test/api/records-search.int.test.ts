import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

describe('records API: search', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const search = (module: string, query: string) => call(admin.key, 'GET', `/crm/v8/${module}/search?${query}`);
  const codes = (r: { json: { data: { Code: string }[] } | null }) => (r.json?.data ?? []).map((x) => x.Code).sort();

  beforeAll(async () => {
    const items = await call(admin.key, 'POST', '/crm/v8/Items', {
      data: [
        { Code: 'PHN-100', Name: 'Phone 100', Sale_Price: '199', Track_Serial_Numbers: true },
        { Code: 'PHN-200', Name: 'Phone 200 (black)', Sale_Price: '299.5', Active: false },
        { Code: 'CBL-1', Name: 'Cable for phone', Sale_Price: '9.90', EAN: '8590000000022' },
        { Code: 'ACME-1', Name: 'Acme scanner', Sale_Price: '50' },
      ],
    });
    expect(items.status).toBe(201);
    await call(admin.key, 'POST', '/crm/v8/Partners', { data: [{ Code: 'SUP', Name: 'Supplier', Type: 'supplier' }] });
    await call(admin.key, 'POST', '/crm/v8/Warehouses', {
      data: [
        { Code: 'MAIN', Name: 'Main' },
        { Code: 'SHOP', Name: 'Shop' },
      ],
    });
    const gr = await call(admin.key, 'POST', '/crm/v8/Goods_Receipts', {
      data: [
        {
          Date: '2026-11-20',
          Partner: { Code: 'SUP' },
          Warehouse: { Code: 'MAIN' },
          Lines: [
            { Item: { Code: 'PHN-100' }, Quantity: 3, Serial_Numbers: ['AA:BB:01', 'AA:BB:02', 'ZZ-9'] },
            { Item: { Code: 'CBL-1' }, Quantity: '12.5' },
          ],
        },
        {
          Date: '2026-11-21',
          Warehouse: { Code: 'SHOP' },
          Note: 'window display',
          Lines: [{ Item: { Code: 'PHN-100' }, Quantity: 1, Serial_Numbers: ['SHOP-1'] }],
        },
      ],
    });
    expect(gr.status).toBe(201);
  });

  it('finds by equals, starts_with (any case), in, and and/or combinations', async () => {
    expect(codes(await search('Items', 'criteria=(Code:equals:ACME-1)'))).toEqual(['ACME-1']);
    expect(codes(await search('Items', 'criteria=(Code:starts_with:phn)'))).toEqual(['PHN-100', 'PHN-200']);
    expect(
      codes(await search('Items', `criteria=${encodeURIComponent('((Code:starts_with:PHN)and(Active:equals:true))')}`)),
    ).toEqual(['PHN-100']);
    expect(
      codes(
        await search('Items', `criteria=${encodeURIComponent('((Code:equals:ACME-1)or(EAN:equals:8590000000022))')}`),
      ),
    ).toEqual(['ACME-1', 'CBL-1']);
    expect(codes(await search('Items', 'criteria=(Code:in:ACME-1,PHN-200)'))).toEqual(['ACME-1', 'PHN-200']);
    expect(codes(await search('Items', 'criteria=(Sale_Price:greater_than:100)'))).toEqual(['PHN-100', 'PHN-200']);
    expect(
      codes(await search('Items', `criteria=${encodeURIComponent('(Name:equals:Phone 200 \\(black\\))')}`)),
    ).toEqual(['PHN-200']);
  });

  it('quick-searches the main text fields with word', async () => {
    expect(codes(await search('Items', 'word=phone'))).toEqual(['CBL-1', 'PHN-100', 'PHN-200']);
    expect(codes(await search('Items', 'word=phone&criteria=(Active:equals:true)'))).toEqual(['CBL-1', 'PHN-100']);
    expect((await search('Items', 'word=nothing-like-this')).status).toBe(204);
  });

  it('searches documents by lookup code, date range and note', async () => {
    const byWarehouse = await search('Goods_Receipts', 'criteria=(Warehouse.Code:equals:SHOP)');
    expect(byWarehouse.json.data.map((d: { Note: string }) => d.Note)).toEqual(['window display']);
    const byDate = await search('Goods_Receipts', 'criteria=(Date:less_equal:2026-11-20)');
    expect(byDate.json.data).toHaveLength(1);
    expect(byDate.json.data[0].Partner).toMatchObject({ Code: 'SUP', Name: 'Supplier' });
    expect((await search('Goods_Receipts', 'word=window')).json.data).toHaveLength(1);
  });

  it('searches serial numbers by text (values may hold colons) and stock by item', async () => {
    const mac = await search('Serial_Numbers', 'criteria=(Serial:starts_with:AA:BB)');
    expect(mac.json.data.map((s: { Serial: string }) => s.Serial).sort()).toEqual(['AA:BB:01', 'AA:BB:02']);
    expect((await search('Serial_Numbers', 'word=shop')).json.data.map((s: { Serial: string }) => s.Serial)).toEqual([
      'SHOP-1',
    ]);
    const stock = await search('Stock', 'criteria=(Item.Code:equals:CBL-1)');
    expect(stock.json.data).toEqual([
      {
        Item: expect.objectContaining({ Code: 'CBL-1' }),
        Warehouse: expect.objectContaining({ Code: 'MAIN' }),
        Quantity: '12.5',
      },
    ]);
  });

  it('refuses bad criteria with INVALID_QUERY and a clear message', async () => {
    const cases: [string, string][] = [
      ['criteria=(Code:equals:X', 'not closed with ")"'],
      ['criteria=(Colour:equals:red)', 'Items cannot be searched by "Colour". Searchable: id, Code, Name'],
      [
        'criteria=(Code:contains:X)',
        'The operator "contains" cannot be used on Code; use equals, not_equal, in, starts_with.',
      ],
      ['criteria=(Active:equals:yes)', '"yes" is not a valid value for Active: use true or false.'],
      ['criteria=(Sale_Price:greater_than:cheap)', 'is not a valid value for Sale_Price'],
      ['criteria=(Created_Time:greater_than:yesterday)', 'use ISO 8601'],
      ['word=x', 'The search word must have 2 to 200 characters.'],
    ];
    for (const [query, message] of cases) {
      const r = await search('Items', query);
      expect(r.status, query).toBe(400);
      expect(r.json.code, query).toBe('INVALID_QUERY');
      expect(r.json.message, query).toContain(message);
    }
    const missing = await search('Items', '');
    expect(missing.status).toBe(400);
    expect(missing.json.code).toBe('REQUIRED_PARAM_MISSING');
  });

  it('filters serial numbers and stock with plain parameters', async () => {
    const inShop = await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?warehouse=SHOP&status=in_stock');
    expect(inShop.json.data.map((s: { Serial: string }) => s.Serial)).toEqual(['SHOP-1']);
    expect((await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?item=PHN-100')).json.data).toHaveLength(4);
    expect((await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?status=issued')).status).toBe(204);
    const badStatus = await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?status=lost');
    expect(badStatus.json).toMatchObject({
      code: 'INVALID_QUERY',
      message: '"lost" is not a valid value for status: use in_stock, issued, in_transit.',
    });
    const stock = await call(admin.key, 'GET', '/crm/v8/Stock?item=PHN-100&sort_by=Quantity&sort_order=desc');
    expect(
      stock.json.data.map((r: { Warehouse: { Code: string }; Quantity: string }) => [r.Warehouse.Code, r.Quantity]),
    ).toEqual([
      ['MAIN', '3'],
      ['SHOP', '1'],
    ]);
  });

  // Last: it receives more serials of PHN-100, which the tests above count.
  it('finds serial numbers by any part of what they read as, exact and starting matches first', async () => {
    const gr = await call(admin.key, 'POST', '/crm/v8/Goods_Receipts', {
      data: [
        {
          Date: '2026-11-22',
          Warehouse: { Code: 'MAIN' },
          Lines: [
            {
              Item: { Code: 'PHN-100' },
              Quantity: 5,
              Serial_Numbers: ['UIW-00120', 'UIW-00012', '0012-B', '0012', 'X-9'],
            },
          ],
        },
      ],
    });
    expect(gr.status).toBe(201);
    const serials = async (query: string) =>
      ((await search('Serial_Numbers', query)).json?.data ?? []).map((s: { Serial: string }) => s.Serial);
    // Exact, then starting with it, then containing it in the list's own order (id: as received).
    expect(await serials('word=0012')).toEqual(['0012', '0012-B', 'UIW-00120', 'UIW-00012']);
    expect(await serials('word=OO12')).toEqual(['0012', '0012-B', 'UIW-00120', 'UIW-00012']); // O reads as 0
    expect(await serials('word=0012&per_page=1&page=3')).toEqual(['UIW-00120']);
    expect(await serials('word=0012&sort_by=Serial&sort_order=desc')).toEqual([
      'UIW-00120',
      'UIW-00012',
      '0012-B',
      '0012',
    ]);
    expect(await serials('word=00012')).toEqual(['UIW-00012']);
    // Under three letters or digits a trigram index cannot look anything up: the start of the serial then.
    expect(await serials('word=X-')).toEqual(['X-9']);

    // More than 10,000 matches are ranked rank by rank, each read in the list's order (read.ts): same answer.
    await db.execute(sql`insert into serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, last_moved_on)
      select i.id, 'MANY-' || lpad(n::text, 5, '0'), 'many-' || lpad(n::text, 5, '0'), 'in_stock', 1, 0, '2026-11-22'
      from item i cross join generate_series(1, 10050) n where i.code = 'PHN-100'`);
    await db.execute(sql`insert into serial_number (item_id, serial, serial_key, status, warehouse_id, received_line_id, last_moved_on)
      select i.id, 'X-MANY-00007', 'x-many-00007', 'in_stock', 1, 0, '2026-11-22' from item i where i.code = 'PHN-100'`);
    expect(await serials('word=many-0000&per_page=10')).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `MANY-0000${i + 1}`),
      'X-MANY-00007',
    ]);
    expect(await serials('word=many-0&per_page=2&page=2')).toEqual(['MANY-00003', 'MANY-00004']);
    expect(await serials('word=x-many')).toEqual(['X-MANY-00007']);
  });
});
