import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { item } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { call, keyFor } from './records-client';

describe('records API: items, partners, warehouses', async () => {
  const { db } = await useTestDatabase();
  const admin = await keyFor(db, 'admin');
  const post = (path: string, body: unknown) => call(admin.key, 'POST', path, body);

  it('inserts records (201) and answers Zoho-shaped success entries with ids as strings', async () => {
    const r = await post('/crm/v8/Items', {
      data: [
        {
          Code: 'PHN-1',
          Name: 'Phone one',
          Purchase_Price: '100.10',
          Sale_Price: 149.9,
          VAT_Rate: '21',
          EAN: '8590000020013',
          Track_Serial_Numbers: true,
        },
        { Code: 'PHN-2', Name: 'Phone two', Min_Stock: '2.5' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      message: 'record added',
      status: 'success',
      details: {
        id: expect.stringMatching(/^\d+$/),
        Created_Time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/),
        Modified_Time: expect.any(String),
        Created_By: { id: String(admin.userId), name: admin.name },
      },
    });
    const got = await call(admin.key, 'GET', `/crm/v2/Items/${r.json.data[0].details.id}`);
    expect(got.status).toBe(200);
    expect(got.json.data[0]).toMatchObject({
      Code: 'PHN-1',
      Purchase_Price: '100.1',
      Sale_Price: '149.9',
      VAT_Rate: '21',
      EAN: '8590000020013',
      Track_Serial_Numbers: true,
      Active: true,
      Unit: 'pcs',
      Min_Stock: null,
    });
  });

  it("answers 207 for mixed results, 400 when all fail, with the form's messages under API field names", async () => {
    const mixed = await post('/crm/v8/Items', {
      data: [{ Code: 'MIX-1', Name: 'ok' }, { Code: 'PHN-1', Name: 'dup' }, { Name: 'no code' }, 'oops'],
    });
    expect(mixed.status).toBe(207);
    expect(mixed.json.data.map((e: { code: string }) => e.code)).toEqual([
      'SUCCESS',
      'DUPLICATE_DATA',
      'MANDATORY_NOT_FOUND',
      'INVALID_DATA',
    ]);
    expect(mixed.json.data[1]).toMatchObject({
      status: 'error',
      message: 'An item with code PHN-1 already exists.',
      details: { api_name: 'Code', json_path: '$.data[1].Code' },
    });
    expect(mixed.json.data[2]).toMatchObject({ message: 'Enter the code.', details: { api_name: 'Code' } });
    expect(mixed.json.data[3]).toMatchObject({
      message: 'Each record must be a JSON object of fields.',
      details: { json_path: '$.data[3]' },
    });
    const failed = await post('/crm/v8/Items', {
      data: [
        { Code: 'BAD', Name: 'x', EAN: '12' },
        { Code: 'BAD2', Name: 'x', Colour: 'red' },
        { Code: 'BAD3', Name: 'x', Sale_Price: 'abc' },
      ],
    });
    expect(failed.status).toBe(400);
    expect(failed.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      message: 'EAN must have 8, 12, 13 or 14 digits.',
      details: { api_name: 'EAN', json_path: '$.data[0].EAN' },
    });
    expect(failed.json.data[1]).toMatchObject({
      code: 'INVALID_DATA',
      message: expect.stringContaining('Colour is not a field of this module'),
      details: { api_name: 'Colour' },
    });
    expect(failed.json.data[2]).toMatchObject({
      message: 'Sale price must be a number such as 12.50.',
      details: { api_name: 'Sale_Price' },
    });
    expect(await db.select().from(item).where(eq(item.code, 'BAD'))).toHaveLength(0);
  });

  it('refuses malformed bodies, a missing data key and more than 100 records as a whole', async () => {
    const bad = await call(admin.key, 'POST', '/crm/v8/Items', '{"data": [');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      status: 'error',
      code: 'INVALID_DATA',
      message: expect.stringContaining('not valid JSON'),
    });
    expect((await post('/crm/v8/Items', { records: [] })).json).toMatchObject({
      code: 'MANDATORY_NOT_FOUND',
      details: { api_name: 'data' },
    });
    expect((await post('/crm/v8/Items', { data: {} })).json).toMatchObject({
      code: 'INVALID_DATA',
      message: 'data must be a list of records.',
    });
    expect((await post('/crm/v8/Items', { data: [] })).json.code).toBe('INVALID_DATA');
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ Code: `LIM-${i}`, Name: `Limit ${i}` }));
    const refused = await post('/crm/v8/Items', { data: tooMany });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 100 } });
    expect(refused.json.message).toContain('at most 100');
    expect(await db.select().from(item).where(eq(item.code, 'LIM-0'))).toHaveLength(0);
    const huge = await call(
      admin.key,
      'POST',
      '/crm/v8/Items',
      `{"data": [{"Code": "BIG", "Name": "${'x'.repeat(33 * 1024 * 1024)}"}]}`,
    );
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ code: 'LIMIT_EXCEEDED', message: expect.stringContaining('larger than 32 MB') });
    const hundred = await post('/crm/v8/Items', { data: tooMany.slice(0, 100) });
    expect(hundred.status).toBe(201);
    expect(hundred.json.data).toHaveLength(100);
  });

  it('lists with paging, sorting and fields; 204 when nothing matches', async () => {
    const page = await call(
      admin.key,
      'GET',
      '/crm/v8/Items?per_page=10&page=2&sort_by=Code&sort_order=desc&fields=Code,Name',
    );
    expect(page.status).toBe(200);
    expect(page.json.info).toEqual({ page: 2, per_page: 10, count: 10, more_records: true });
    expect(Object.keys(page.json.data[0])).toEqual(['id', 'Code', 'Name']);
    const codes = page.json.data.map((r: { Code: string }) => r.Code);
    expect([...codes].sort().reverse()).toEqual(codes);
    const all = await call(admin.key, 'GET', '/crm/v8/Items');
    expect(all.json.info).toEqual({ page: 1, per_page: 200, count: 103, more_records: false });
    const last = await call(admin.key, 'GET', '/crm/v8/Items?page=2&per_page=100');
    expect(last.json.info).toEqual({ page: 2, per_page: 100, count: 3, more_records: false });
    expect((await call(admin.key, 'GET', '/crm/v8/Items?page=2')).status).toBe(204);
    const emptyPartners = await call(admin.key, 'GET', '/crm/v8/Partners');
    expect(emptyPartners.status).toBe(204);
    expect(emptyPartners.text).toBe('');
  });

  it('refuses bad list parameters with a message naming the parameter', async () => {
    for (const [query, text] of [
      ['per_page=201', 'per_page must be a whole number from 1 to 200.'],
      ['page=0', 'page must be a whole number'],
      ['sort_by=Colour', 'Items cannot be sorted by "Colour"'],
      ['sort_order=up', 'sort_order must be asc or desc.'],
      ['fields=Code,Colour', 'Unknown field in fields: Colour'],
    ]) {
      const r = await call(admin.key, 'GET', `/crm/v8/Items?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.json.code).toBe('INVALID_QUERY');
      expect(r.json.message).toContain(text);
    }
  });

  it('answers 404 for an unknown id, 400 for a non-numeric id, INVALID_MODULE for an unknown module', async () => {
    expect((await call(admin.key, 'GET', '/crm/v8/Items/999999')).json).toEqual({
      status: 'error',
      code: 'RESOURCE_NOT_FOUND',
      message: "The requested resource doesn't exist.",
      details: { id: '999999' },
    });
    expect((await call(admin.key, 'GET', '/crm/v8/Items/abc')).status).toBe(400);
    const unknown = await call(admin.key, 'GET', '/crm/v8/Gadgets');
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({
      code: 'INVALID_MODULE',
      message: 'The module name given seems to be invalid',
    });
    expect((await call(admin.key, 'GET', '/crm/v9/Items')).status).toBe(404);
    expect((await call(null, 'GET', '/crm/v8/Items', undefined, { authorization: 'Bearer nope' })).json.code).toBe(
      'INVALID_TOKEN',
    );
  });

  it('updates only the fields sent, by PUT /{module} (ids in records) and PUT /{module}/{id}', async () => {
    const [created] = (
      await post('/crm/v8/Partners', {
        data: [{ Code: 'ACME', Name: 'Acme', Type: 'supplier', Email: 'a@acme.example' }],
      })
    ).json.data;
    const id = created.details.id;
    const put = await call(admin.key, 'PUT', '/crm/v8/Partners', {
      data: [{ id, Name: 'Acme Ltd.' }, { Name: 'no id' }, { id: '999999', Name: 'ghost' }],
    });
    expect(put.status).toBe(207);
    expect(put.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      message: 'record updated',
      details: { id, Modified_By: { id: String(admin.userId) } },
    });
    expect(put.json.data[1]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id' } });
    expect(put.json.data[2]).toMatchObject({
      code: 'RESOURCE_NOT_FOUND',
      message: "The requested resource doesn't exist.",
    });
    const one = await call(admin.key, 'PUT', `/crm/v8/Partners/${id}`, {
      data: [{ Type: 'both', Phone: '+420 123 456' }],
    });
    expect(one.status).toBe(200);
    expect((await call(admin.key, 'GET', `/crm/v8/Partners/${id}`)).json.data[0]).toMatchObject({
      Code: 'ACME',
      Name: 'Acme Ltd.',
      Type: 'both',
      Email: 'a@acme.example',
      Phone: '+420 123 456',
    });
    const wrongType = await call(admin.key, 'PUT', `/crm/v8/Partners/${id}`, { data: [{ Type: 'friend' }] });
    expect(wrongType.json.data[0]).toMatchObject({
      code: 'INVALID_DATA',
      message: 'Choose supplier, customer or both.',
      details: { api_name: 'Type' },
    });
    expect(
      (await call(admin.key, 'PUT', `/crm/v8/Partners/${id}`, { data: [{ id: '1234', Name: 'x' }] })).json.data[0]
        .message,
    ).toContain('differs from the id');
    expect((await call(admin.key, 'PUT', `/crm/v8/Partners/${id}`, { data: [{}, {}] })).json.code).toBe('INVALID_DATA');
  });

  it('upserts by Code (default) or EAN, and refuses other duplicate check fields', async () => {
    const r = await post('/crm/v8/Items/upsert', {
      data: [
        { Code: 'PHN-1', Name: 'Phone one v2' },
        { Code: 'UPS-NEW', Name: 'New one' },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.json.data[0]).toMatchObject({
      code: 'SUCCESS',
      action: 'update',
      duplicate_field: 'Code',
      message: 'record updated',
    });
    expect(r.json.data[1]).toMatchObject({
      code: 'SUCCESS',
      action: 'insert',
      duplicate_field: null,
      message: 'record added',
    });
    const byEan = await post('/crm/v8/Items/upsert', {
      data: [{ Code: 'PHN-1-RENAMED', Name: 'Phone one', EAN: '8590000020013' }],
      duplicate_check_fields: ['EAN'],
    });
    expect(byEan.json.data[0]).toMatchObject({ action: 'update', duplicate_field: 'EAN' });
    const [renamed] = await db.select().from(item).where(eq(item.ean, '8590000020013'));
    expect(renamed.code).toBe('PHN-1-RENAMED');
    expect(renamed.purchasePrice).toBe('100.1000');
    const bad = await post('/crm/v8/Items/upsert', { data: [{ Code: 'X' }], duplicate_check_fields: ['Name'] });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe(
      'Name cannot be a duplicate check field of Items; use Code or EAN (its unique fields).',
    );
  });

  it("keeps the lib's rules: tracking cannot be switched off while serials are in stock (same message as the form)", async () => {
    const [w] = (await post('/crm/v8/Warehouses', { data: [{ Code: 'W1', Name: 'One' }] })).json.data;
    expect(w.code).toBe('SUCCESS');
    const gr = await post('/crm/v8/Goods_Receipts', {
      data: [
        {
          Date: '2026-11-22',
          Warehouse: { Code: 'W1' },
          Lines: [{ Item: { Code: 'PHN-1-RENAMED' }, Quantity: '1', Serial_Numbers: ['T-1'] }],
        },
      ],
    });
    expect(gr.status).toBe(201);
    const [phone] = await db.select().from(item).where(eq(item.code, 'PHN-1-RENAMED'));
    const off = await call(admin.key, 'PUT', `/crm/v8/Items/${phone.id}`, { data: [{ Track_Serial_Numbers: false }] });
    expect(off.status).toBe(400);
    expect(off.json.data[0]).toMatchObject({
      code: 'CANNOT_PROCESS',
      message: 'Serial-number tracking of PHN-1-RENAMED cannot be switched off: 1 serial number is in stock.',
      details: { api_name: 'Track_Serial_Numbers' },
    });
  });

  it('deletes unused catalog records and refuses used ones with the reason', async () => {
    const created = await post('/crm/v8/Items', {
      data: [
        { Code: 'DEL-1', Name: 'Spare' },
        { Code: 'DEL-2', Name: 'Spare 2' },
      ],
    });
    const ids = created.json.data.map((e: { details: { id: string } }) => e.details.id);
    const removed = await call(admin.key, 'DELETE', `/crm/v8/Items?ids=${ids.join(',')}`);
    expect(removed.status).toBe(200);
    expect(removed.json.data.map((e: { message: string }) => e.message)).toEqual(['record deleted', 'record deleted']);
    expect(await db.select().from(item).where(eq(item.code, 'DEL-1'))).toHaveLength(0);

    const [used] = await db.select({ id: item.id }).from(item).where(eq(item.code, 'PHN-1-RENAMED'));
    const refused = await call(admin.key, 'DELETE', `/crm/v8/Items/${used.id}`);
    expect(refused.status).toBe(400);
    expect(refused.json.data[0]).toMatchObject({
      status: 'error',
      message:
        'Item PHN-1-RENAMED cannot be deleted: 1 document line uses it, it has 1 serial number, it is in stock. Set it inactive instead.',
    });
    const warehouses = await call(admin.key, 'GET', '/crm/v8/Warehouses');
    const usedWarehouse = warehouses.json.data[0];
    const refusedWarehouse = await call(admin.key, 'DELETE', `/crm/v8/Warehouses/${usedWarehouse.id}`);
    expect(refusedWarehouse.json.data[0].message).toMatch(
      new RegExp(`^Warehouse ${usedWarehouse.Code} cannot be deleted: `),
    );
    const missing = await call(admin.key, 'DELETE', '/crm/v8/Partners/999999');
    expect(missing.json.data[0]).toMatchObject({ status: 'error', code: 'RESOURCE_NOT_FOUND' });
  });
});
