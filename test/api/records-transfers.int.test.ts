import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { serialNumber } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

const date = '2026-11-22';

describe('records API: transfers', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const accountant = await keyFor(db, 'accountant');
  const post = (module: string, ...records: unknown[]) =>
    call(admin.key, 'POST', `/crm/v8/${module}`, { data: records });
  const tracked = (serials: string[]) => ({
    Item: { Code: 'ACME-1' },
    Quantity: String(serials.length),
    Serial_Numbers: serials,
  });
  const transfer = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
    Date: date,
    Warehouse: { Code: 'MAIN' },
    Destination_Warehouse: { Code: 'SHOP' },
    Lines: lines,
    ...extra,
  });

  beforeAll(async () => {
    await post(
      'Items',
      { Code: 'ACME-1', Name: 'Acme scanner', Track_Serial_Numbers: true },
      { Code: 'CABLE', Name: 'Cable', Unit: 'm' },
    );
    await post('Warehouses', { Code: 'MAIN', Name: 'Main' }, { Code: 'SHOP', Name: 'Shop' });
    await post('Goods_Receipts', {
      Date: '2026-11-01',
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['T-1', 'T-2', 'T-3', 'T-4']), { Item: { Code: 'CABLE' }, Quantity: '10' }],
    });
  });

  it('posts a transfer through postDocument and reads it back with both warehouses and no prices', async () => {
    const r = await post(
      'Transfers',
      transfer([tracked(['T-1', 't-2']), { Item: { Code: 'CABLE' }, Quantity: '2.5' }], { External_Number: 'CN-1' }),
    );
    expect(r.status).toBe(201);
    const { id, Number: number } = r.json.data[0].details;
    expect(number).toMatch(/^TR-2026-\d{5}$/);
    const got = (await call(admin.key, 'GET', `/crm/v8/Transfers/${id}`)).json.data[0];
    expect(got).toMatchObject({
      Date: date,
      Warehouse: { Code: 'MAIN' },
      Destination_Warehouse: { Code: 'SHOP' },
      External_Number: 'CN-1',
      Lines: [
        { Item: { Code: 'ACME-1' }, Quantity: '2', Serial_Numbers: ['T-1', 'T-2'] },
        { Item: { Code: 'CABLE' }, Quantity: '2.5', Serial_Numbers: [] },
      ],
    });
    expect(Object.keys(got.Lines[0]).sort()).toEqual(['Item', 'Quantity', 'Serial_Numbers']);
    expect(got).not.toHaveProperty('Partner');
    expect(got).not.toHaveProperty('Source_Invoice');
    const stock = await call(admin.key, 'GET', '/crm/v8/Stock?item=CABLE');
    expect(
      stock.json.data
        .map((s: { Warehouse: { Code: string }; Quantity: string }) => [s.Warehouse.Code, s.Quantity])
        .sort(),
    ).toEqual([
      ['MAIN', '7.5'],
      ['SHOP', '2.5'],
    ]);
    const found = await call(
      admin.key,
      'GET',
      '/crm/v8/Transfers/search?criteria=(Destination_Warehouse.Code:equals:SHOP)',
    );
    expect(found.json.data.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('a serial’s history shows the transfer from one warehouse to the other', async () => {
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'T-1'));
    const history = (await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/${serial.id}`)).json.data[0];
    expect(history).toMatchObject({ Status: 'in_stock', Warehouse: { Code: 'SHOP' } });
    expect(history.History).toMatchObject([
      {
        Direction: 'in',
        Document: { Kind: 'Goods_Receipts' },
        Warehouse: { Code: 'MAIN' },
        Destination_Warehouse: null,
      },
      {
        Direction: 'move',
        Document: { Kind: 'Transfers', Number: expect.stringMatching(/^TR-/) },
        Warehouse: { Code: 'MAIN' },
        Destination_Warehouse: { Code: 'SHOP' },
        Partner: null,
      },
    ]);
  });

  it('refuses what the form refuses, naming the field', async () => {
    const r = await post(
      'Transfers',
      transfer([tracked(['T-1'])]),
      transfer([tracked(['T-3'])], { Destination_Warehouse: { Code: 'MAIN' } }),
      transfer([tracked(['T-3'])], { Destination_Warehouse: undefined }),
      transfer([{ ...tracked(['T-3']), Unit_Price: '3' }]),
      transfer([tracked(['T-3'])], { Partner: { Code: 'X' } }),
      transfer([tracked(['T-3'])], { Destination_Warehouse: { Code: 'NOWHERE' } }),
    );
    expect(r.status).toBe(400);
    expect(
      r.json.data.map((e: { code: string; message: string; details: { api_name?: string; json_path?: string } }) => [
        e.code,
        e.message,
        e.details.api_name,
      ]),
    ).toEqual([
      [
        'INVALID_DATA',
        'Serial T-1 of item ACME-1 is not in stock in warehouse MAIN: it is in warehouse SHOP.',
        'Serial_Numbers',
      ],
      ['INVALID_DATA', 'The destination must be another warehouse than the source.', 'Destination_Warehouse'],
      ['MANDATORY_NOT_FOUND', 'Choose the destination warehouse.', 'Destination_Warehouse'],
      ['INVALID_DATA', expect.stringContaining('Unit_Price is not a field of a line'), 'Unit_Price'],
      ['INVALID_DATA', expect.stringContaining('Partner is not a field of this module'), 'Partner'],
      ['RESOURCE_NOT_FOUND', 'No warehouse with Code NOWHERE exists.', 'Destination_Warehouse'],
    ]);
  });

  it('updates only the fields sent, deletes, and refuses a change a later issue pins', async () => {
    const created = (await post('Transfers', transfer([tracked(['T-3'])]))).json.data[0].details;
    const back = await call(admin.key, 'PUT', `/crm/v8/Transfers/${created.id}`, {
      data: [{ Note: 'van 2', Warehouse: { Code: 'MAIN' } }],
    });
    expect(back.json.data[0]).toMatchObject({ code: 'SUCCESS' });
    const issue = await post('Goods_Issues', { Date: date, Warehouse: { Code: 'SHOP' }, Lines: [tracked(['T-3'])] });
    const gi = issue.json.data[0].details;
    const refused = await call(admin.key, 'DELETE', `/crm/v8/Transfers/${created.id}`);
    expect(refused.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: `${created.Number} cannot be changed or deleted: serial T-3 was issued later by ${gi.Number}; change or delete ${gi.Number} first.`,
    });
    expect((await call(admin.key, 'DELETE', `/crm/v8/Goods_Issues/${gi.id}`)).status).toBe(200);
    expect((await call(admin.key, 'DELETE', `/crm/v8/Transfers/${created.id}`)).status).toBe(200);
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'T-3'));
    expect(serial.status).toBe('in_stock');
  });

  it('sends a transfer in transit and receives what arrived with Transfer_Arrivals', async () => {
    await post('Goods_Receipts', {
      Date: '2026-11-01',
      Warehouse: { Code: 'MAIN' },
      Lines: [tracked(['IT-1', 'IT-2'])],
    });
    const sent = await post('Transfers', transfer([tracked(['IT-1', 'IT-2'])], { In_Transit: true }));
    expect(sent.status).toBe(201);
    const tr = sent.json.data[0].details;
    const read = (await call(admin.key, 'GET', `/crm/v8/Transfers/${tr.id}`)).json.data[0];
    expect(read).toMatchObject({ In_Transit: true, Lines: [{ Serial_Numbers: ['IT-1', 'IT-2'] }] });
    const inTransit = await call(admin.key, 'GET', '/crm/v8/Serial_Numbers?status=in_transit');
    expect(inTransit.json.data.map((s: { Serial: string; Status: string }) => [s.Serial, s.Status])).toEqual([
      ['IT-1', 'in_transit'],
      ['IT-2', 'in_transit'],
    ]);

    const arrival = (lines: unknown[], extra: Record<string, unknown> = {}) => ({
      Date: '2026-11-23',
      Transfer: { Number: tr.Number },
      Warehouse: { Code: 'SHOP' },
      Lines: lines,
      ...extra,
    });
    const refused = await post(
      'Transfer_Arrivals',
      arrival([tracked(['T-4'])]),
      arrival([tracked(['IT-1'])], { Warehouse: { Code: 'MAIN' } }),
      arrival([tracked(['IT-1'])], { Transfer: { Number: 'TR-1999-00001' } }),
    );
    expect(
      refused.json.data.map((e: { code: string; message: string; details: { api_name?: string } }) => [
        e.code,
        e.message,
        e.details.api_name,
      ]),
    ).toEqual([
      [
        'INVALID_DATA',
        `Serial T-4 of item ACME-1 is not in transit on ${tr.Number}: it is in stock in warehouse MAIN (GR-2026-00001).`,
        'Serial_Numbers',
      ],
      ['INVALID_DATA', `${tr.Number} goes to warehouse SHOP: its goods arrive there.`, 'Warehouse'],
      ['RESOURCE_NOT_FOUND', 'No transfer with Number TR-1999-00001 exists.', 'Transfer'],
    ]);
    const arrived = await post('Transfer_Arrivals', arrival([tracked(['IT-2'])]));
    expect(arrived.status).toBe(201);
    expect(arrived.json.data[0].details.Number).toMatch(/^TA-2026-\d{5}$/);
    const got = (await call(admin.key, 'GET', `/crm/v8/Transfer_Arrivals/${arrived.json.data[0].details.id}`)).json
      .data[0];
    expect(got).toMatchObject({
      Transfer: { id: tr.id, Number: tr.Number },
      Warehouse: { Code: 'SHOP' },
      Lines: [{ Serial_Numbers: ['IT-2'] }],
    });
    const [serial] = await db.select().from(serialNumber).where(eq(serialNumber.serial, 'IT-2'));
    const history = (await call(admin.key, 'GET', `/crm/v8/Serial_Numbers/${serial.id}`)).json.data[0].History;
    expect(
      history.map((m: { Direction: string; Document: { Kind: string }; Warehouse: { Code: string } }) => [
        m.Direction,
        m.Document.Kind,
        m.Warehouse.Code,
      ]),
    ).toEqual([
      ['in', 'Goods_Receipts', 'MAIN'],
      ['out', 'Transfers', 'MAIN'],
      ['in', 'Transfer_Arrivals', 'SHOP'],
    ]);
    const pinned = await call(admin.key, 'DELETE', `/crm/v8/Transfers/${tr.id}`);
    expect(pinned.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: expect.stringContaining('received its goods at the destination'),
    });
  });

  it('accountants read transfers but may not write them', async () => {
    expect((await call(accountant.key, 'GET', '/crm/v8/Transfers')).status).toBe(200);
    const refused = await call(accountant.key, 'POST', '/crm/v8/Transfers', { data: [transfer([tracked(['T-4'])])] });
    expect(refused.status).toBe(403);
  });
});
