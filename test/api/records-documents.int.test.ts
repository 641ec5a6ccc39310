import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { document, serialNumber } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const date = '2026-11-22';

describe('records API: stock documents and invoices', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });
  const receipt = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
    Date: date,
    Partner: { Code: 'SUP' },
    Warehouse: { Code: 'MAIN' },
    Lines: lines,
    ...extra,
  });
  const issue = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
    Date: date,
    Partner: { Code: 'CUS' },
    Warehouse: { Code: 'MAIN' },
    Lines: lines,
    ...extra,
  });
  const tracked = (serials: string[], quantity: unknown = serials.length) => ({
    Item: { Code: 'ACME-1' },
    Quantity: quantity,
    Serial_Numbers: serials,
  });
  let acmeId = '';

  beforeAll(async () => {
    const items = await post(
      'Items',
      { Code: 'ACME-1', Name: 'Acme scanner', EAN: '8590000000039', Track_Serial_Numbers: true },
      { Code: 'CABLE', Name: 'Cable', Unit: 'm' },
    );
    acmeId = items.json.data[0].details.id;
    await post(
      'Partners',
      { Code: 'SUP', Name: 'Supplier', Type: 'supplier' },
      { Code: 'CUS', Name: 'Customer', Type: 'customer' },
    );
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' }, { Code: 'SHOP', Name: 'Shop' });
  });

  it('posts a goods receipt with serials through postDocument; items found by Code, id or EAN', async () => {
    const r = await post(
      'Goods_Receipts',
      receipt([
        tracked(['R-1', 'R-2']),
        { Item: { id: acmeId }, Quantity: '1', Serial_Numbers: ['R-3'] },
        { Item: { EAN: '8590000000039' }, Quantity: 1, Serial_Numbers: ['R-4'] },
        { Item: { Code: 'CABLE' }, Quantity: '2.5', Unit_Price: '3.20' },
      ]),
    );
    expect(r.status).toBe(201);
    expect(r.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      message: 'record added',
      details: { Number: expect.stringMatching(/^GR-2026-\d{5}$/), Created_By: { id: String(admin.userId) } },
    });
    const got = await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${r.json.data[0].details.id}`);
    expect(got.json.data[0]).toMatchObject({
      Date: date,
      Partner: { Code: 'SUP' },
      Warehouse: { Code: 'MAIN' },
      Source_Invoice: null,
      Lines: [
        { Item: { Code: 'ACME-1' }, Quantity: '2', Serial_Numbers: ['R-1', 'R-2'] },
        { Quantity: '1', Serial_Numbers: ['R-3'] },
        { Serial_Numbers: ['R-4'] },
        { Item: { Code: 'CABLE' }, Quantity: '2.5', Unit_Price: '3.2', Serial_Numbers: [] },
      ],
    });
  });

  it('refuses what the web form refuses, with the same messages verbatim and the serials at fault', async () => {
    const r = await post(
      'Goods_Receipts',
      receipt([tracked(['X-1', 'X-2', 'X-3'], '5')]),
      receipt([tracked(['R-1', 'NEW-1'])]),
      issue([tracked(['NEVER'])]),
      issue([{ Item: { Code: 'CABLE' }, Quantity: '3' }]),
    );
    expect(r.status).toBe(400);
    const [count, inStock] = r.json.data;
    expect(count).toMatchObject({
      code: 'INVALID_DATA',
      message: 'Item ACME-1 needs 5 serial numbers, 3 entered.',
      details: {
        api_name: 'Serial_Numbers',
        json_path: '$.data[0].Lines[0].Serial_Numbers',
        problems: [{ code: 'COUNT_MISMATCH', line: 0 }],
      },
    });
    expect(inStock).toMatchObject({
      message: expect.stringMatching(
        /^Serial R-1 of item ACME-1 is already in stock in warehouse MAIN \(received by GR-2026-\d{5}\)\.$/,
      ),
      details: {
        serials: ['R-1'],
        problems: [{ code: 'ALREADY_IN_STOCK', serial: 'R-1', json_path: '$.data[1].Lines[0].Serial_Numbers' }],
      },
    });
    // An issue record sent to Goods_Receipts is just a receipt with another partner: refused for its partner.
    expect(r.json.data[2]).toMatchObject({
      message: 'Partner CUS is a customer, not a supplier.',
      details: { api_name: 'Partner', json_path: '$.data[2].Partner' },
    });
    const issues = await post(
      'Goods_Issues',
      issue([tracked(['NEVER'])]),
      issue([{ Item: { Code: 'CABLE' }, Quantity: '3' }]),
      issue([tracked(['R-1'])], { Warehouse: { Code: 'SHOP' } }),
    );
    expect(issues.status).toBe(400);
    expect(issues.json.data[0]).toMatchObject({
      message: 'Serial NEVER of item ACME-1 is not in stock in warehouse MAIN: it was never received.',
      details: { serials: ['NEVER'] },
    });
    expect(issues.json.data[1]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: 'Not enough stock of CABLE in warehouse MAIN: 2.5 m available, 3 requested.',
      details: { api_name: 'Quantity' },
    });
    expect(issues.json.data[2].message).toBe(
      'Serial R-1 of item ACME-1 is not in stock in warehouse SHOP: it is in warehouse MAIN.',
    );
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'NEW-1'))).toHaveLength(0);
  });

  it('names the field of a bad lookup or a missing value', async () => {
    const r = await post(
      'Goods_Receipts',
      receipt([{ Item: { Code: 'NOPE' }, Quantity: 1 }]),
      receipt([], { Partner: { Code: 'GHOST' } }),
      receipt([tracked(['L-1'])], { Warehouse: 'MAIN' }),
      receipt([tracked(['L-2'])], { Warehouse: null }),
      receipt([]),
      receipt([tracked(['L-3'])], { Date: undefined }),
      receipt([{ Item: { Code: 'CABLE' }, Quantity: 1, Colour: 'red' }]),
      // Three bad lookups at once (they are resolved together): the partner is reported, as always.
      receipt([{ Item: { Code: 'NOPE' }, Quantity: 1 }], {
        Partner: { Code: 'GHOST' },
        Warehouse: { Code: 'NOWHERE' },
      }),
    );
    expect(
      r.json.data.map((e: { code: string; message: string; details: { api_name?: string; json_path?: string } }) => [
        e.code,
        e.message,
        e.details.api_name,
        e.details.json_path,
      ]),
    ).toEqual([
      ['RESOURCE_NOT_FOUND', 'No item with Code NOPE exists.', 'Item', '$.data[0].Lines[0].Item'],
      ['RESOURCE_NOT_FOUND', 'No partner with Code GHOST exists.', 'Partner', '$.data[1].Partner'],
      [
        'INVALID_DATA',
        'Warehouse must name the warehouse as {"id": "…"} or {"Code": "…"}.',
        'Warehouse',
        '$.data[2].Warehouse',
      ],
      // Left out or null: MANDATORY_NOT_FOUND, as the importer answers a blank cell.
      ['MANDATORY_NOT_FOUND', 'Choose the warehouse.', 'Warehouse', '$.data[3].Warehouse'],
      ['INVALID_DATA', 'Add at least one line.', 'Lines', '$.data[4].Lines'],
      ['MANDATORY_NOT_FOUND', 'Enter the date as YYYY-MM-DD.', 'Date', '$.data[5].Date'],
      [
        'INVALID_DATA',
        expect.stringContaining('Colour is not a field of a line'),
        'Colour',
        '$.data[6].Lines[0].Colour',
      ],
      ['RESOURCE_NOT_FOUND', 'No partner with Code GHOST exists.', 'Partner', '$.data[7].Partner'],
    ]);
  });

  it('an invoice creates its stock document; the invoice shows its serials and owns the document', async () => {
    const pi = await post(
      'Purchase_Invoices',
      receipt([{ ...tracked(['PI-1', 'PI-2']), Unit_Price: '100', VAT_Rate: '21' }]),
    );
    expect(pi.status).toBe(201);
    const invoice = (await call(admin.key, 'GET', `/crm/v8/Purchase_Invoices/${pi.json.data[0].details.id}`)).json
      .data[0];
    expect(invoice).toMatchObject({
      Number: expect.stringMatching(/^PI-2026-/),
      Create_Stock_Document: true,
      Stock_Document: { Number: expect.stringMatching(/^GR-2026-/) },
      Lines: [{ Unit_Price: '100', VAT_Rate: '21', Serial_Numbers: ['PI-1', 'PI-2'] }],
    });
    const generated = (await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${invoice.Stock_Document.id}`)).json
      .data[0];
    expect(generated.Source_Invoice).toEqual({ id: invoice.id, Number: invoice.Number });
    const change = await call(admin.key, 'PUT', `/crm/v8/Goods_Receipts/${generated.id}`, {
      data: [{ Note: 'mine now' }],
    });
    expect(change.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: `${generated.Number} was created by ${invoice.Number}; change or delete the invoice instead.`,
    });
    expect((await call(admin.key, 'GET', `/crm/v8/Sales_Invoices/${invoice.id}`)).status).toBe(404);
    const si = await post('Sales_Invoices', issue([{ ...tracked(['PI-1']), Unit_Price: '150' }]));
    expect(si.status).toBe(201);
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'PI-1'));
    const history = (await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/${serial.id}`)).json.data[0];
    expect(history).toMatchObject({
      Serial: 'PI-1',
      Status: 'issued',
      Item: { Code: 'ACME-1' },
      Warehouse: { Code: 'MAIN' },
      Created_Time: history.History[0].Time,
      Modified_Time: history.History[1].Time,
    });
    expect(history.History).toMatchObject([
      {
        Direction: 'in',
        Document: { Kind: 'Goods_Receipts', Number: generated.Number },
        Invoice: { Number: invoice.Number },
        Partner: { Code: 'SUP' },
        Created_By: { id: String(admin.userId) },
        Date: date,
      },
      {
        Direction: 'out',
        Document: { Kind: 'Goods_Issues' },
        Invoice: { id: si.json.data[0].details.id },
        Partner: { Code: 'CUS' },
      },
    ]);
    const noSerials = await post('Sales_Invoices', issue([tracked(['PI-2'])], { Create_Stock_Document: false }));
    expect(noSerials.json.data[0].message).toBe(
      'Line 1: this invoice does not create a stock document, so serial numbers belong on the goods document itself.',
    );
  });

  it('updates a document by id (lines replaced, or only the fields sent) and refuses upserts', async () => {
    const created = await post('Goods_Receipts', receipt([tracked(['U-1', 'U-2'])]));
    const id = created.json.data[0].details.id;
    const note = await call(admin.key, 'PUT', `/crm/v8/Goods_Receipts/${id}`, { data: [{ Note: 'checked' }] });
    expect(note.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      message: 'record updated',
      details: { id, Modified_By: { id: String(admin.userId) } },
    });
    const lines = await call(admin.key, 'PUT', '/crm/v8/Goods_Receipts', {
      data: [{ id, Lines: [tracked(['U-1', 'U-3', 'U-4'])] }],
    });
    expect(lines.status).toBe(200);
    const after = (await call(admin.key, 'GET', `/crm/v8/Goods_Receipts/${id}`)).json.data[0];
    expect(after).toMatchObject({
      Note: 'checked',
      Number: created.json.data[0].details.Number,
      Lines: [{ Quantity: '3', Serial_Numbers: ['U-1', 'U-3', 'U-4'] }],
    });
    expect(await db.select().from(serialNumber).where(eq(serialNumber.serial, 'U-2'))).toHaveLength(0);
    const upsert = await call(admin.key, 'POST', '/crm/v8/Goods_Receipts/upsert', {
      data: [receipt([tracked(['U-9'])])],
    });
    expect(upsert.status).toBe(405);
    expect(upsert.json).toMatchObject({
      code: 'NOT_SUPPORTED',
      message: expect.stringContaining('Documents cannot be upserted'),
    });
  });

  it('deletes documents through deleteDocument, refusing one whose serial was issued later', async () => {
    const gr = (await post('Goods_Receipts', receipt([tracked(['DEL-1'])]))).json.data[0].details;
    const gi = (await post('Goods_Issues', issue([tracked(['DEL-1'])]))).json.data[0].details;
    const refused = await call(admin.key, 'DELETE', `/crm/v8/Goods_Receipts/${gr.id}`);
    expect(refused.status).toBe(400);
    expect(refused.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: `${gr.Number} cannot be changed or deleted: serial DEL-1 was issued later by ${gi.Number}; change or delete ${gi.Number} first.`,
      details: { serials: ['DEL-1'] },
    });
    const mixed = await call(admin.key, 'DELETE', `/crm/v8/Goods_Issues?ids=${gi.id},999999,abc`);
    expect(mixed.status).toBe(207);
    expect(mixed.json.data).toMatchObject([
      { code: 'SUCCESS', message: 'record deleted', details: { id: gi.id } },
      { code: 'RESOURCE_NOT_FOUND', message: "The requested resource doesn't exist." },
      { code: 'INVALID_DATA', details: { api_name: 'id' } },
    ]);
    expect((await call(admin.key, 'DELETE', `/crm/v8/Goods_Receipts/${gr.id}`)).status).toBe(200);
    expect(
      await db
        .select()
        .from(document)
        .where(eq(document.id, BigInt(gr.id))),
    ).toHaveLength(0);
    expect((await call(admin.key, 'DELETE', '/crm/v8/Goods_Receipts')).json.code).toBe('REQUIRED_PARAM_MISSING');
    const many = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect((await call(admin.key, 'DELETE', `/crm/v8/Goods_Receipts?ids=${many}`)).json).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { limit: 100 },
    });
  });

  it('serial numbers and stock are read-only, and stock rows have no id URL', async () => {
    expect((await post('Serial_Numbers', { Serial: 'X' })).json).toMatchObject({
      code: 'NOT_SUPPORTED',
      message: expect.stringContaining('read-only'),
    });
    expect((await call(admin.key, 'GET', '/crm/v8/Stock/1')).status).toBe(405);
    const stock = await call(admin.key, 'GET', '/crm/v8/Stock?item=CABLE');
    expect(stock.json.data).toEqual([
      {
        Item: expect.objectContaining({ Code: 'CABLE' }),
        Warehouse: expect.objectContaining({ Code: 'MAIN' }),
        Quantity: '2.5',
      },
    ]);
  });
});
